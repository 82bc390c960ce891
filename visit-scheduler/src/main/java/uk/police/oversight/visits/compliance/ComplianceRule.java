package uk.police.oversight.visits.compliance;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import uk.police.oversight.visits.model.ManagementMode;
import uk.police.oversight.visits.model.OffenderStatus;
import uk.police.oversight.visits.model.VisitOutcome;
import uk.police.oversight.visits.model.VisitType;

/**
 * The overdue rule of SPEC section 3, exactly, over plain values: the reference the SQL path of the lists and
 * summaries is tested against.
 */
public final class ComplianceRule {

    /** A count of consecutive no-access visits from which a warrant may be sought (Sexual Offences Act 2003 s.96B). */
    public static final int WARRANT_NO_ACCESS_THRESHOLD = 2;

    private ComplianceRule() {
    }

    /** Evaluates offender {@code o} as of date {@code d}, from their current facts and their visits on or before d. */
    public static Schedule evaluate(RuleInputs o, Collection<VisitFact> visits, VisitPolicy policy, LocalDate d) {
        // 1. In scope: in the community, actively managed, registered by D.
        boolean inScope = o.status() == OffenderStatus.IN_COMMUNITY && o.managementMode() == ManagementMode.ACTIVE
                && !o.registeredOn().isAfter(d);
        // 2. The interval: the offender's own override, else the policy's for their risk.
        int interval = o.visitIntervalMonths() != null ? o.visitIntervalMonths() : policy.visitIntervalMonths(o.riskLevel());
        // 3. The latest completed home visit on or before D.
        LocalDate last = null;
        for (VisitFact visit : visits) {
            if (isHomeVisit(visit, VisitOutcome.COMPLETED) && !visit.visitDate().isAfter(d)
                    && (last == null || visit.visitDate().isAfter(last))) {
                last = visit.visitDate();
            }
        }
        // 7. No-access home visits after the last completed one (all of them when there is none), on or before D.
        int noAccess = 0;
        for (VisitFact visit : visits) {
            if (isHomeVisit(visit, VisitOutcome.NO_ACCESS) && !visit.visitDate().isAfter(d)
                    && (last == null || visit.visitDate().isAfter(last))) {
                noAccess++;
            }
        }
        LocalDate reviewDueOn = (o.lastRiskAssessmentOn() != null ? o.lastRiskAssessmentOn() : o.registeredOn())
                .plusMonths(policy.riskReviewIntervalMonths(o.riskLevel()));
        boolean reviewOverdue = o.status() == OffenderStatus.IN_COMMUNITY && reviewDueOn.isBefore(d);
        boolean warrantEligible = noAccess >= WARRANT_NO_ACCESS_THRESHOLD;
        if (!inScope) {
            return new Schedule(d, false, interval, last, null, false, 0, noAccess, warrantEligible, reviewDueOn, reviewOverdue);
        }
        // 4. Due: last + interval calendar months (month-end clamped), or registration + the first-visit allowance.
        LocalDate dueOn = last != null ? last.plusMonths(interval) : o.registeredOn().plusDays(policy.firstVisitWithinDays());
        // 5. A return to the community after the last visit (or with none) allows a first visit again.
        if (last == null || o.statusSince().isAfter(last)) {
            LocalDate afterReturn = o.statusSince().plusDays(policy.firstVisitWithinDays());
            if (afterReturn.isAfter(dueOn)) {
                dueOn = afterReturn;
            }
        }
        // 6. Overdue when due before D.
        boolean overdue = dueOn.isBefore(d);
        long daysOverdue = overdue ? ChronoUnit.DAYS.between(dueOn, d) : 0;
        return new Schedule(d, true, interval, last, dueOn, overdue, daysOverdue, noAccess, warrantEligible, reviewDueOn,
                reviewOverdue);
    }

    private static boolean isHomeVisit(VisitFact visit, VisitOutcome outcome) {
        return visit.type() == VisitType.HOME_VISIT && visit.outcome() == outcome;
    }
}
