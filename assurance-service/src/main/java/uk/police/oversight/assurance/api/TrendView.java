package uk.police.oversight.assurance.api;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.police.oversight.assurance.snapshot.Metric;
import uk.police.oversight.assurance.snapshot.Rag;
import uk.police.oversight.assurance.snapshot.SnapshotKind;

/** A metric month by month from the snapshots, rated, with its changes. */
@Schema(name = "ComplianceTrend", requiredProperties = {"metric", "points"})
public record TrendView(
        Metric metric,
        @Schema(description = "The area, when the trend is for one", examples = "BRS") String areaCode,
        @Schema(description = "The risk level, when the trend is for one", examples = "HIGH") String riskLevel,
        @Schema(description = "One point per month, oldest first: the MONTHLY snapshot, else a RECONSTRUCTED one taken "
                + "for the month's last day (or every snapshot of the kind asked for)") List<Point> points,
        @Schema(description = "The newest point") Point latest,
        @Schema(description = "latest minus the point before it", examples = "-12") Double changeSincePrevious,
        @Schema(description = "latest minus the point twelve months before it, when there is one", examples = "-32")
        Double changeSinceYearBefore) {

    /** One snapshot's value. */
    @Schema(name = "TrendPoint", requiredProperties = {"asOf", "value", "kind"})
    public record Point(@Schema(examples = "2022-06-30") LocalDate asOf, @Schema(examples = "217") double value,
            SnapshotKind kind, @Schema(description = "Against /performance-thresholds; absent when the metric has none")
            Rag rag) {
    }
}
