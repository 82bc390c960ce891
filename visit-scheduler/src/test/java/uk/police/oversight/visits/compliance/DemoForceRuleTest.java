package uk.police.oversight.visits.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.police.oversight.local.demo.DemoForce;
import uk.police.oversight.visits.model.ManagementMode;
import uk.police.oversight.visits.model.OffenderStatus;
import uk.police.oversight.visits.model.RiskLevel;
import uk.police.oversight.visits.model.VisitOutcome;
import uk.police.oversight.visits.model.VisitType;

/**
 * The demo force (loaded by `./oversight up`) under the overdue rule itself: as of 2022-06-30 exactly 217 overdue
 * visits, the oldest 243 days (about eight months), and 151 overdue risk reviews; as of 2024-01-17 exactly 273 overdue
 * visits, with 1,521 offenders registered; as of 2025-02-19 exactly 185, with 1,600 registered; all of it whatever day
 * the force is loaded on; and on the day it is loaded, only a handful overdue, so that the notifications that follow
 * are readable.
 */
class DemoForceRuleTest {

    /** The rule's figures for the whole force as of a date. */
    record Figures(int inScope, int overdue, long oldestDaysOverdue, int overdueReviews, int warrantEligible, int registered) {
    }

    /** A generated force and its visits as the rule sees them. */
    record Force(DemoForce force, Map<String, List<VisitFact>> visits) {

        static Force generate(LocalDate today) {
            DemoForce force = DemoForce.generate(today);
            Map<String, List<VisitFact>> visits = new HashMap<>();
            for (DemoForce.Visit v : force.visits()) {
                visits.computeIfAbsent(v.pncId(), k -> new ArrayList<>())
                        .add(new VisitFact(v.visitDate(), VisitType.valueOf(v.type()), VisitOutcome.valueOf(v.outcome())));
            }
            return new Force(force, visits);
        }

        Schedule evaluate(DemoForce.Offender o, LocalDate asOf) {
            RuleInputs facts = new RuleInputs(RiskLevel.valueOf(o.riskLevel()), ManagementMode.valueOf(o.managementMode()),
                    OffenderStatus.valueOf(o.status()), o.statusSince(), o.registeredOn(), o.visitIntervalMonths(),
                    o.lastRiskAssessmentOn());
            return ComplianceRule.evaluate(facts, visits.getOrDefault(o.pncId(), List.of()), VisitPolicy.national(), asOf);
        }

        Figures at(LocalDate asOf) {
            int inScope = 0;
            int overdue = 0;
            long oldest = 0;
            int reviews = 0;
            int warrants = 0;
            int registered = 0;
            for (DemoForce.Offender o : force.offenders()) {
                Schedule s = evaluate(o, asOf);
                inScope += s.inScope() ? 1 : 0;
                overdue += s.overdue() ? 1 : 0;
                oldest = Math.max(oldest, s.daysOverdue());
                reviews += s.reviewOverdue() ? 1 : 0;
                warrants += s.overdue() && s.warrantEligible() ? 1 : 0;
                registered += o.registeredOn().isAfter(asOf) ? 0 : 1;
            }
            return new Figures(inScope, overdue, oldest, reviews, warrants, registered);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-22", "2025-04-01", "2028-02-29", "2031-12-31"})
    void theDemoForceShowsItsFiguresWhateverTheDayItIsLoaded(String loadedOn) {
        LocalDate today = LocalDate.parse(loadedOn);
        Force force = Force.generate(today);
        assertEquals(DemoForce.OFFENDERS, force.force().offenders().size());

        Figures then = force.at(DemoForce.AS_OF);
        assertEquals(217, then.overdue(), "overdue visits as of 2022-06-30");
        assertEquals(243, then.oldestDaysOverdue(), "the oldest, about eight months overdue");
        assertEquals(151, then.overdueReviews(), "overdue risk reviews as of 2022-06-30");
        assertTrue(then.inScope() > 1000 && then.inScope() < 1300, "in scope " + then.inScope());
        assertTrue(then.warrantEligible() > 0, "some overdue offenders could not be found at home twice");

        Figures peak = force.at(DemoForce.PEAK_AS_OF);
        assertEquals(273, peak.overdue(), "overdue visits as of 2024-01-17");
        assertEquals(DemoForce.PEAK_OVERDUE_VISITS, peak.overdue());
        assertEquals(1521, peak.registered(), "registered by 2024-01-17");
        assertEquals(DemoForce.PEAK_REGISTERED, peak.registered());

        Figures later = force.at(DemoForce.LATER_AS_OF);
        assertEquals(185, later.overdue(), "overdue visits as of 2025-02-19");
        assertEquals(DemoForce.LATER_OVERDUE_VISITS, later.overdue());
        assertTrue(later.registered() >= 1580 && later.registered() <= 1620, "about 1,600 registered by 2025-02-19: "
                + later.registered());
        assertEquals(DemoForce.OFFENDERS, later.registered(), "everyone is registered by 2025-02-19");

        Figures now = force.at(today);
        assertTrue(now.inScope() > then.inScope(), "offenders registered since 2022 are in scope today");
        assertTrue(now.overdue() > 0 && now.overdue() < 60, "overdue today " + now.overdue());
        assertTrue(now.oldestDaysOverdue() <= 90, "overdue today by up to 90 days: " + now.oldestDaysOverdue());
        for (DemoForce.Offender o : force.force().offenders()) {
            assertTrue(!force.evaluate(o, today).reviewOverdue() || force.evaluate(o, DemoForce.AS_OF).reviewOverdue(),
                    "only the designed stale reviews are overdue today");
        }
    }

    @Test
    void theFiguresAtThePublishedDatesAreTheSameWhicheverDayTheForceIsLoaded() {
        Force one = Force.generate(LocalDate.of(2026, 12, 3));
        Force other = Force.generate(LocalDate.of(2029, 5, 1));
        for (LocalDate asOf : List.of(DemoForce.AS_OF, DemoForce.PEAK_AS_OF, DemoForce.LATER_AS_OF)) {
            assertEquals(one.at(asOf), other.at(asOf), "the figures as of " + asOf);
        }
    }
}
