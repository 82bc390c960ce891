package uk.police.oversight.assurance.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.police.oversight.assurance.snapshot.Figures;
import uk.police.oversight.assurance.snapshot.SnapshotKind;

/** A compliance snapshot: visit-scheduler's figures for one date, frozen. */
@Schema(name = "ComplianceSnapshot", requiredProperties = {"id", "asOf", "takenAt", "kind", "figures"})
public record SnapshotView(
        UUID id,
        @Schema(examples = "2022-06-30") LocalDate asOf,
        Instant takenAt,
        @Schema(description = "MONTHLY: taken by itself at a month's end; ON_DEMAND: asked for today; RECONSTRUCTED: "
                + "asked for a past date, computed from the offenders' current attributes") SnapshotKind kind,
        Figures figures) {
}
