package uk.police.oversight.visits.api;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A rebuild of visit-scheduler's offender projection from a replay of offender-service's facts. */
@Schema(name = "ProjectionRebuild")
public record RebuildView(
        @Schema(examples = "3f1c2a9e-8d4b-4c1e-9f2a-6b7d8e9f0a1b", required = true) UUID id,
        @Schema(description = "offender-service's replay this rebuild follows", required = true) UUID replayId,
        @Schema(description = "RUNNING, DONE or FAILED", examples = "RUNNING", required = true) String state,
        @Schema(examples = "admin-user", required = true) String requestedBy,
        @Schema(required = true) Instant requestedAt,
        Instant finishedAt,
        @Schema(description = "Offenders the replay published; known once it has finished", examples = "1521") Long expectedOffenders,
        @Schema(description = "Projection rows the replay has refreshed so far", examples = "1200", required = true) long refreshedOffenders,
        @Schema(description = "Rows removed at the end: offenders the replay did not publish", examples = "0", required = true)
        long removedOffenders,
        @Schema(description = "Why the rebuild failed") String lastError) {
}
