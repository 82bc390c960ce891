package uk.police.oversight.offender.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.police.oversight.offender.model.OffenderStatus;

/** A recorded change of status. */
@Schema(requiredProperties = {"id", "offenderId", "status", "effectiveOn", "reason", "recordedBy", "recordedAt"}, name = "StatusChange")
public record StatusChangeView(
        UUID id,
        UUID offenderId,
        OffenderStatus status,
        OffenderStatus previousStatus,
        @Schema(examples = "2022-04-01") LocalDate effectiveOn,
        @Schema(examples = "Released on licence") String reason,
        @Schema(examples = "dc.morgan") String recordedBy,
        Instant recordedAt) {
}
