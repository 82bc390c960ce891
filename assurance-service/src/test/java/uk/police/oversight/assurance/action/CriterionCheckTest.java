package uk.police.oversight.assurance.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.police.oversight.assurance.api.SnapshotView;
import uk.police.oversight.assurance.snapshot.Figures;
import uk.police.oversight.assurance.snapshot.Metric;
import uk.police.oversight.assurance.snapshot.SnapshotKind;

/** A closure criterion holds only when each of the latest N MONTHLY snapshots meets it, force-wide or in its area. */
class CriterionCheckTest {

    @Test
    void metOnlyOverTheLatestConsecutiveSnapshots() {
        TrackedAction a = action(Metric.COMPLIANCE_RATE, null, Metric.Better.HIGHER, 0.95, 3);
        // Newest first: 0.96, 0.97, 0.95, then an old bad month that is outside the three.
        assertEquals(true, new Actions.CriterionCheck(snapshots(0.96, 0.97, 0.95, 0.80)).met(a));
        assertEquals(false, new Actions.CriterionCheck(snapshots(0.96, 0.94, 0.99)).met(a), "one month below");
        assertEquals(false, new Actions.CriterionCheck(snapshots(0.99, 0.99)).met(a), "not yet three months");
        assertTrue(new Actions.CriterionCheck(snapshots(0.99, 0.99)).describe(a).contains("only 2 MONTHLY snapshots exist"));
    }

    @Test
    void aLowerIsBetterMetricInOneArea() {
        TrackedAction a = action(Metric.OVERDUE, "BRS", Metric.Better.LOWER, 10, 2);
        List<SnapshotView> latest = List.of(snapshot(0.99, 10, 40), snapshot(0.99, 9, 40));
        assertEquals(true, new Actions.CriterionCheck(latest).met(a), "BRS: 10 and 9 overdue, force-wide 40");
        assertEquals(false, new Actions.CriterionCheck(List.of(snapshot(0.99, 11, 11), snapshot(0.99, 9, 9))).met(a));
        TrackedAction elsewhere = action(Metric.OVERDUE, "ZZZ", Metric.Better.LOWER, 10, 1);
        assertEquals(false, new Actions.CriterionCheck(latest).met(elsewhere), "an area the snapshots do not know is not met");
    }

    @Test
    void withoutACriterionThereIsNothingToMeet() {
        TrackedAction a = new TrackedAction();
        assertNull(new Actions.CriterionCheck(snapshots(0.99)).met(a));
    }

    private static TrackedAction action(Metric metric, String area, Metric.Better better, double value, int months) {
        TrackedAction a = new TrackedAction();
        a.criterionMetric = metric.label();
        a.criterionAreaCode = area;
        a.criterionBetter = better;
        a.criterionValue = BigDecimal.valueOf(value);
        a.criterionSnapshots = months;
        return a;
    }

    private static List<SnapshotView> snapshots(double... rates) {
        List<SnapshotView> list = new ArrayList<>();
        for (double rate : rates) {
            list.add(snapshot(rate, 0, 0));
        }
        return list;
    }

    private static SnapshotView snapshot(double rate, long brsOverdue, long overdue) {
        Figures figures = new Figures(100, overdue, rate, null, 0, 100, 1.0, 0,
                List.of(new Figures.Area("BRS", 50, brsOverdue, 1 - brsOverdue / 50.0, null, 0, 50, 1.0, 0)), List.of(), List.of(), List.of());
        return new SnapshotView(UUID.randomUUID(), LocalDate.of(2022, 6, 30), Instant.now(), SnapshotKind.MONTHLY, figures);
    }
}
