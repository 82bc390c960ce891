package uk.police.oversight.offender.api;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.police.oversight.offender.model.EventReplay;

/** A replay of every offender's and staff member's facts as events, and how far it has got. */
@Schema(name = "EventReplay")
public record ReplayView(
        @Schema(examples = "0b6f3c52-7f0e-4d7a-a3a4-1f3b5c2d9e80", required = true) UUID id,
        @Schema(description = "QUEUED, RUNNING, DONE or FAILED", required = true) EventReplay.State state,
        @Schema(description = "Subject of the admin who asked", examples = "admin-user", required = true) String requestedBy,
        @Schema(required = true) Instant requestedAt,
        Instant startedAt,
        Instant finishedAt,
        @Schema(description = "Offenders to publish, counted when the replay started", examples = "1521") Long offendersTotal,
        @Schema(description = "offender.snapshot events published so far", examples = "1000", required = true) long offendersPublished,
        @Schema(description = "staff.changed events published (at the end)", examples = "34", required = true) long staffPublished,
        @Schema(description = "Why the replay failed") String lastError) {

    public static ReplayView of(EventReplay replay) {
        return new ReplayView(replay.id, replay.state, replay.requestedBy, replay.requestedAt, replay.startedAt,
                replay.finishedAt, replay.offendersTotal, replay.offendersPublished, replay.staffPublished, replay.lastError);
    }
}
