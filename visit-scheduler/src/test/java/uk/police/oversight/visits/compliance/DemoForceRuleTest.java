package uk.police.oversight.visits.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * visits, the oldest 243 days (about eight months), and 151 overdue risk reviews, whatever day it is loaded on; and on
 * the day it is loaded, only a handful overdue, so that the notifications that follow are readable.
 */
class DemoForceRuleTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-22", "2023-07-01", "2024-02-29", "2031-12-31"})
    void theDemoForceShowsItsFiguresAsOf2022_06_30WhateverTheDayItIsLoaded(String loadedOn) {
        LocalDate today = LocalDate.parse(loadedOn);
        DemoForce force = DemoForce.generate(today);
        Map<String, List<VisitFact>> visits = new HashMap<>();
        for (DemoForce.Visit v : force.visits()) {
            visits.computeIfAbsent(v.pncId(), k -> new ArrayList<>())
                    .add(new VisitFact(v.visitDate(), VisitType.valueOf(v.type()), VisitOutcome.valueOf(v.outcome())));
        }
        VisitPolicy policy = VisitPolicy.national();
        int overdue = 0;
        int reviews = 0;
        long oldest = 0;
        int inScope = 0;
        int warrants = 0;
        int overdueToday = 0;
        int inScopeToday = 0;
        for (DemoForce.Offender o : force.offenders()) {
            RuleInputs facts = new RuleInputs(RiskLevel.valueOf(o.riskLevel()), ManagementMode.valueOf(o.managementMode()),
                    OffenderStatus.valueOf(o.status()), o.statusSince(), o.registeredOn(), o.visitIntervalMonths(),
                    o.lastRiskAssessmentOn());
            List<VisitFact> own = visits.getOrDefault(o.pncId(), List.of());
            Schedule then = ComplianceRule.evaluate(facts, own, policy, DemoForce.AS_OF);
            inScope += then.inScope() ? 1 : 0;
            overdue += then.overdue() ? 1 : 0;
            reviews += then.reviewOverdue() ? 1 : 0;
            warrants += then.overdue() && then.warrantEligible() ? 1 : 0;
            oldest = Math.max(oldest, then.daysOverdue());
            Schedule now = ComplianceRule.evaluate(facts, own, policy, today);
            inScopeToday += now.inScope() ? 1 : 0;
            overdueToday += now.overdue() ? 1 : 0;
            assertTrue(!now.reviewOverdue() || then.reviewOverdue(), "only the designed stale reviews are overdue today");
        }
        assertEquals(DemoForce.OFFENDERS, force.offenders().size());
        assertEquals(217, overdue, "overdue visits as of 2022-06-30");
        assertEquals(243, oldest, "the oldest, about eight months overdue");
        assertEquals(151, reviews, "overdue risk reviews as of 2022-06-30");
        assertTrue(inScope > 1000 && inScope < 1300, "in scope " + inScope);
        assertTrue(warrants > 0, "some overdue offenders could not be found at home twice");
        assertTrue(inScopeToday > inScope, "offenders registered since 2022 are in scope today");
        assertTrue(overdueToday > 0 && overdueToday < 60, "overdue today " + overdueToday);
    }
}
