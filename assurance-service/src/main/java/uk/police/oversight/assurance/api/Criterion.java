package uk.police.oversight.assurance.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.police.oversight.assurance.snapshot.Metric;

/** A closure criterion: a metric (force-wide or for an area) at least as good as a value over N consecutive MONTHLY snapshots. */
@Schema(name = "ClosureCriterion", requiredProperties = {"metric", "better", "value", "consecutiveSnapshots"})
public record Criterion(
        @NotNull Metric metric,
        @Size(max = 20) @Schema(description = "The area; force-wide when absent", examples = "SOM") String areaCode,
        @NotNull Metric.Better better,
        @NotNull @Schema(examples = "0.95") Double value,
        @NotNull @Min(1) @Max(24) @Schema(examples = "3") Integer consecutiveSnapshots) {
}
