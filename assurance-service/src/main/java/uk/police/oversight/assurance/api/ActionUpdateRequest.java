package uk.police.oversight.assurance.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.police.oversight.assurance.action.ActionStatus;

/** An update to an action: a note, and perhaps a new status. */
@Schema(name = "ActionUpdateRequest", requiredProperties = {"note"})
public record ActionUpdateRequest(
        @Schema(description = "The new status, if it changes") ActionStatus status,
        @NotBlank @Size(max = 4000) @Schema(examples = "Overdue visits down to 96; weekly review by the DCI in place.") String note,
        @Size(max = 2000) @Schema(description = "Closing although the closure criterion is not met: why")
        String overrideReason) {
}
