package uk.police.oversight.visits.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.police.oversight.visits.model.VisitOutcome;
import uk.police.oversight.visits.model.VisitType;

/** A visit to record. Name the offender by offenderId or by pncId (in any accepted form). */
@Schema(name = "VisitRequest", description = "A visit to record. Name the offender by offenderId or pncId.")
public record VisitRequest(
        @Schema(description = "The offender's id") UUID offenderId,
        @Size(max = 20) @Schema(description = "The offender's PNC id, instead of offenderId", examples = "1979/0163001B") String pncId,
        @NotNull @Schema(description = "Not in the future", examples = "2022-06-14", required = true) LocalDate visitDate,
        @NotNull @Schema(required = true) VisitType type,
        @NotNull @Schema(required = true) VisitOutcome outcome,
        @NotNull @Schema(description = "Whether the offender was told beforehand", examples = "false", required = true) Boolean announced,
        @Schema(description = "Staff id of the visiting officer") UUID officerId,
        @Size(max = 2000) @Schema(examples = "Spoke to subject at the door; address checked") String notes,
        @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9/._:-]*", message = "may hold only letters, digits and / . _ : -")
        @Schema(description = "The force system's reference; required in batches, where it makes upserts idempotent",
                examples = "RMS-2022-000123") String externalRef) {
}
