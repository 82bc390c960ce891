package uk.police.oversight.assurance.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import uk.police.oversight.assurance.api.ActionView;
import uk.police.oversight.assurance.api.BacklogView;
import uk.police.oversight.assurance.api.SampleReportView;
import uk.police.oversight.assurance.snapshot.Rag;
import uk.police.oversight.assurance.snapshot.SnapshotKind;

/**
 * The content of a month's report pack for the PCC's accountability meeting (SPEC section 9): aggregates only, laid out
 * once and rendered as PDF, HTML or CSV.
 */
public record ReportPack(
        YearMonth month,
        LocalDate asOf,
        SnapshotKind kind,
        Instant generatedAt,
        List<Headline> headlines,
        List<Series> overdueByArea,
        List<Series> complianceRateByArea,
        Series overdueRiskReviews,
        BacklogView backlog,
        List<ActionView> redActions,
        List<ActionView> dueActions,
        List<ActionView> closedActions,
        List<SampleReportView> samples) {

    /** One headline figure, rated, with its changes. */
    public record Headline(String metric, String label, double value, Rag rag, Double changeSincePrevious,
            Double changeSinceYearBefore, boolean rate) {
    }

    /** A line on a chart: one value per month (null where there is no snapshot). */
    public record Series(String name, List<YearMonth> months, List<Double> values) {
    }
}
