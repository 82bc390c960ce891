package uk.police.oversight.offender.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.police.oversight.offender.model.OffenderStatus;

/** A change of status to record. */
@Schema(name = "StatusChangeRequest")
public record StatusChangeRequest(
        @NotNull @Schema(required = true) OffenderStatus status,
        @NotNull @Schema(description = "Not in the future, nor before the current status began", examples = "2022-04-01", required = true)
        LocalDate effectiveOn,
        @NotBlank @Size(max = 500) @Schema(examples = "Released on licence", required = true) String reason) {
}
