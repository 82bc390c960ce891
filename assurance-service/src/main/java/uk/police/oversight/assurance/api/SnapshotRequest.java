package uk.police.oversight.assurance.api;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A request for a snapshot: today (or absent) takes an ON_DEMAND one, a past date a RECONSTRUCTED one. */
@Schema(name = "SnapshotRequest")
public record SnapshotRequest(
        @Schema(description = "The date the figures are for (default today, Europe/London); not in the future",
                examples = "2022-06-30") LocalDate asOf) {
}
