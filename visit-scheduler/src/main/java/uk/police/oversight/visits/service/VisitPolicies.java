package uk.police.oversight.visits.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import uk.police.oversight.common.problem.FieldError;
import uk.police.oversight.common.problem.ProblemException;
import uk.police.oversight.common.security.Caller;
import uk.police.oversight.common.web.ETags;
import uk.police.oversight.visits.api.VisitPolicyView;
import uk.police.oversight.visits.compliance.VisitPolicy;
import uk.police.oversight.visits.model.RiskLevel;
import uk.police.oversight.visits.model.VisitPolicyRow;

/** The force's visit policy: read by everyone, replaced by admin. */
@ApplicationScoped
@Transactional
public class VisitPolicies {

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.SUPPORTS)
    public VisitPolicyRow current() {
        return VisitPolicyRow.current();
    }

    public VisitPolicyRow replace(VisitPolicyView request, String ifMatch) {
        List<FieldError> problems = new ArrayList<>();
        for (RiskLevel level : RiskLevel.values()) {
            if (!request.visitIntervalMonths().containsKey(level)) {
                problems.add(new FieldError("visitIntervalMonths." + level, "is required"));
            }
            if (!request.riskReviewIntervalMonths().containsKey(level)) {
                problems.add(new FieldError("riskReviewIntervalMonths." + level, "is required"));
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        VisitPolicyRow row = VisitPolicyRow.findById(VisitPolicyRow.ID, LockModeType.PESSIMISTIC_WRITE);
        ETags.checkIfMatch(ifMatch, row.version);
        row.apply(new VisitPolicy(new EnumMap<>(request.visitIntervalMonths()), new EnumMap<>(request.riskReviewIntervalMonths()),
                request.firstVisitWithinDays(), request.escalateAfterDaysOverdue()));
        row.updatedAt = clock.instant();
        row.updatedBy = caller.subject();
        return row;
    }

    public static VisitPolicyView view(VisitPolicyRow row) {
        VisitPolicy policy = row.policy();
        return new VisitPolicyView(new EnumMap<>(policy.visitIntervalMonths()), new EnumMap<>(policy.riskReviewIntervalMonths()),
                policy.firstVisitWithinDays(), policy.escalateAfterDaysOverdue(), row.updatedAt, row.updatedBy);
    }
}
