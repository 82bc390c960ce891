package uk.police.oversight.offender.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many events a replay queued. */
@Schema(name = "ReplayResult")
public record ReplayResult(
        @Schema(description = "offender.snapshot events queued, one per offender", examples = "1521") long offenders,
        @Schema(description = "staff.changed events queued, one per staff member", examples = "34") long staff) {
}
