package uk.police.oversight.assurance.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import uk.police.oversight.assurance.action.Actions;
import uk.police.oversight.assurance.api.SnapshotView;
import uk.police.oversight.assurance.sample.Samples;
import uk.police.oversight.assurance.snapshot.Backlog;
import uk.police.oversight.assurance.snapshot.Figures;
import uk.police.oversight.assurance.snapshot.Metric;
import uk.police.oversight.assurance.snapshot.Rag;
import uk.police.oversight.assurance.snapshot.SnapshotKind;
import uk.police.oversight.assurance.snapshot.Snapshots;
import uk.police.oversight.assurance.snapshot.Threshold;
import uk.police.oversight.assurance.snapshot.Thresholds;
import uk.police.oversight.common.problem.ProblemException;
import uk.police.oversight.common.problem.ProblemType;

/** Lays out a month's report pack from the snapshots, the thresholds, the tracker and the samples. */
@ApplicationScoped
public class ReportPacks {

    static final List<Metric> HEADLINES = List.of(Metric.OVERDUE, Metric.COMPLIANCE_RATE, Metric.OLDEST_DAYS_OVERDUE,
            Metric.OVERDUE_RISK_REVIEWS, Metric.REVIEW_COMPLIANCE_RATE, Metric.IN_SCOPE);
    private static final Map<Metric, String> LABELS = Map.of(
            Metric.OVERDUE, "Overdue a home visit",
            Metric.COMPLIANCE_RATE, "Visits compliance rate",
            Metric.OLDEST_DAYS_OVERDUE, "Oldest overdue (days)",
            Metric.OVERDUE_RISK_REVIEWS, "Overdue risk reviews",
            Metric.REVIEW_COMPLIANCE_RATE, "Risk review compliance rate",
            Metric.IN_SCOPE, "Offenders in scope");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Inject
    Snapshots snapshots;

    @Inject
    Thresholds thresholds;

    @Inject
    Actions actions;

    @Inject
    Samples samples;

    @Inject
    Clock clock;

    public ReportPack of(YearMonth month) {
        YearMonth first = month.minusMonths(12);
        List<SnapshotView> series = snapshots.series(first.minusMonths(1).atDay(1), month.atEndOfMonth(), null);
        Map<YearMonth, SnapshotView> byMonth = new LinkedHashMap<>();
        series.forEach(s -> byMonth.put(YearMonth.from(s.asOf()), s));
        SnapshotView current = Optional.ofNullable(byMonth.get(month)).or(() -> latestOnDemand(month))
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "There is no snapshot for " + month
                        + " yet: the MONTHLY one is taken at the month's end, and POST /api/v1/compliance-snapshots takes one now"));
        byMonth.put(month, current);
        Map<Metric, Threshold> limits = thresholds.current().byMetric();
        SnapshotView previous = byMonth.get(month.minusMonths(1));
        SnapshotView yearBefore = byMonth.get(month.minusMonths(12));
        List<ReportPack.Headline> headlines = new ArrayList<>();
        for (Metric metric : HEADLINES) {
            double value = current.figures().value(metric, null, null).orElse(0.0);
            headlines.add(new ReportPack.Headline(metric.label(), LABELS.get(metric), value, Rag.of(value, limits.get(metric)),
                    change(metric, current, previous), change(metric, current, yearBefore), metric.isRate()));
        }
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(month); m = m.plusMonths(1)) {
            months.add(m);
        }
        TreeSet<String> areas = new TreeSet<>();
        months.forEach(m -> Optional.ofNullable(byMonth.get(m)).ifPresent(s -> s.figures().byArea().forEach(a -> areas.add(a.areaCode()))));
        List<ReportPack.Series> overdue = new ArrayList<>();
        List<ReportPack.Series> rate = new ArrayList<>();
        overdue.add(line("Force", months, byMonth, Metric.OVERDUE, null));
        rate.add(line("Force", months, byMonth, Metric.COMPLIANCE_RATE, null));
        for (String area : areas) {
            overdue.add(line(area, months, byMonth, Metric.OVERDUE, area));
            rate.add(line(area, months, byMonth, Metric.COMPLIANCE_RATE, area));
        }
        LocalDate monthEnd = month.atEndOfMonth();
        return new ReportPack(month, current.asOf(), current.kind(), clock.instant(), headlines, overdue, rate,
                line("Force", months, byMonth, Metric.OVERDUE_RISK_REVIEWS, null),
                Backlog.of(current.asOf(), null, current.figures()),
                actions.openDueBy(monthEnd).stream().filter(a -> a.dueOn().isBefore(LocalDate.now(clock))).toList(),
                actions.openDueBy(monthEnd.plusDays(Actions.AMBER_WITHIN_DAYS)).stream()
                        .filter(a -> !a.dueOn().isBefore(LocalDate.now(clock))).toList(),
                actions.closedBetween(month.atDay(1).atStartOfDay(LONDON).toInstant(),
                        month.plusMonths(1).atDay(1).atStartOfDay(LONDON).toInstant()),
                samples.reportsEndingIn(month.atDay(1), monthEnd));
    }

    private Optional<SnapshotView> latestOnDemand(YearMonth month) {
        List<SnapshotView> taken = snapshots.series(month.atDay(1), month.atEndOfMonth(), SnapshotKind.ON_DEMAND);
        return taken.isEmpty() ? Optional.empty() : Optional.of(taken.get(taken.size() - 1));
    }

    private static Double change(Metric metric, SnapshotView now, SnapshotView then) {
        if (then == null) {
            return null;
        }
        Optional<Double> a = now.figures().value(metric, null, null);
        Optional<Double> b = then.figures().value(metric, null, null);
        return a.isPresent() && b.isPresent() ? Math.round((a.get() - b.get()) * 10_000.0) / 10_000.0 : null;
    }

    private static ReportPack.Series line(String name, List<YearMonth> months, Map<YearMonth, SnapshotView> byMonth,
            Metric metric, String area) {
        List<Double> values = new ArrayList<>();
        for (YearMonth m : months) {
            SnapshotView s = byMonth.get(m);
            Figures f = s == null ? null : s.figures();
            values.add(f == null ? null : f.value(metric, area, null).orElse(null));
        }
        return new ReportPack.Series(name, months, values);
    }
}
