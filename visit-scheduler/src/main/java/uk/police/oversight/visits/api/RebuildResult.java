package uk.police.oversight.visits.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a projection rebuild cleared and how many events offender-service queued to fill it again. */
@Schema(name = "RebuildResult")
public record RebuildResult(
        @Schema(description = "Offender facts removed from the projection", examples = "1521") long cleared,
        @Schema(description = "offender.snapshot events offender-service queued", examples = "1521") long offenders,
        @Schema(description = "staff.changed events offender-service queued", examples = "34") long staff) {
}
