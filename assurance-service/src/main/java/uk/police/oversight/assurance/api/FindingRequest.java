package uk.police.oversight.assurance.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.police.oversight.assurance.sample.FindingFlag;
import uk.police.oversight.assurance.sample.Grade;

/** A panel member's finding on a case. */
@Schema(name = "FindingRequest", requiredProperties = {"grade"})
public record FindingRequest(
        @NotNull Grade grade,
        @Size(max = 8) @Schema(description = "What the member points out (none when absent)") List<@NotNull FindingFlag> flags,
        @Size(max = 4000) @Schema(description = "The member's observations (never part of the aggregate report)",
                examples = "Two no-access visits in a row and no unannounced visit followed.") String observations) {
}
