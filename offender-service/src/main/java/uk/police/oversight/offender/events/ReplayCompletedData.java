package uk.police.oversight.offender.events;

import java.util.UUID;

/** The payload of offender.replay-completed: the replay and how many offender and staff snapshots it published. */
public record ReplayCompletedData(UUID replayId, long offenders, long staff) {
}
