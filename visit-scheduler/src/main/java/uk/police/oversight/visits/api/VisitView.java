package uk.police.oversight.visits.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.police.oversight.visits.model.Visit;
import uk.police.oversight.visits.model.VisitOutcome;
import uk.police.oversight.visits.model.VisitType;

/** A recorded visit. */
@Schema(requiredProperties = {"id", "offenderId", "visitDate", "type", "outcome", "announced", "recordedBy", "recordedAt"}, name = "Visit")
public record VisitView(
        UUID id,
        UUID offenderId,
        @Schema(examples = "2022-06-14") LocalDate visitDate,
        VisitType type,
        VisitOutcome outcome,
        boolean announced,
        UUID officerId,
        String notes,
        @Schema(examples = "RMS-2022-000123") String externalRef,
        @Schema(description = "Subject of the token that recorded it", examples = "dc.morgan") String recordedBy,
        Instant recordedAt) {

    public static VisitView of(Visit v) {
        return new VisitView(v.id, v.offenderId, v.visitDate, v.type, v.outcome, v.announced, v.officerId, v.notes,
                v.externalRef, v.recordedBy, v.recordedAt);
    }
}
