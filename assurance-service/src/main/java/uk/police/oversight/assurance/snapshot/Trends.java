package uk.police.oversight.assurance.snapshot;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uk.police.oversight.assurance.api.SnapshotView;
import uk.police.oversight.assurance.api.TrendView;

/** Trends from the snapshots, rated against the thresholds; nothing is recomputed. */
@ApplicationScoped
public class Trends {

    @Inject
    Snapshots snapshots;

    @Inject
    Thresholds thresholds;

    public TrendView trend(Metric metric, String areaCode, String riskLevel, LocalDate from, LocalDate to, SnapshotKind kind) {
        Threshold threshold = thresholds.current().byMetric().get(metric);
        // A year's comparison needs the year before the first point asked for.
        List<SnapshotView> series = snapshots.series(from.minusYears(1), to, kind);
        List<TrendView.Point> all = new ArrayList<>();
        for (SnapshotView s : series) {
            s.figures().value(metric, areaCode, riskLevel).ifPresent(v -> all.add(
                    new TrendView.Point(s.asOf(), v, s.kind(), Rag.of(v, threshold))));
        }
        List<TrendView.Point> points = all.stream().filter(p -> !p.asOf().isBefore(from)).toList();
        if (points.isEmpty()) {
            return new TrendView(metric, areaCode, riskLevel, points, null, null, null);
        }
        TrendView.Point latest = points.get(points.size() - 1);
        int at = all.indexOf(latest);
        Double sincePrevious = at > 0 ? round(latest.value() - all.get(at - 1).value()) : null;
        YearMonth yearBefore = YearMonth.from(latest.asOf()).minusYears(1);
        Optional<TrendView.Point> then = all.stream().filter(p -> YearMonth.from(p.asOf()).equals(yearBefore)).reduce((a, b) -> b);
        Double sinceYearBefore = then.map(p -> round(latest.value() - p.value())).orElse(null);
        return new TrendView(metric, areaCode, riskLevel, points, latest, sincePrevious, sinceYearBefore);
    }

    private static double round(double value) {
        return Math.round(value * 10_000.0) / 10_000.0;
    }
}
