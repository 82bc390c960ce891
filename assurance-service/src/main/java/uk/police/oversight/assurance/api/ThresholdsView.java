package uk.police.oversight.assurance.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.police.oversight.assurance.snapshot.Threshold;

/** The force's RAG thresholds: at most one per metric; a metric without one is not rated. */
@Schema(name = "PerformanceThresholds", requiredProperties = {"thresholds"})
public record ThresholdsView(
        @NotNull @Size(max = 10) @Schema(description = "One per metric rated") List<@Valid @NotNull Threshold> thresholds) {
}
