package uk.police.oversight.visits.compliance;

import java.util.EnumMap;
import java.util.Map;
import uk.police.oversight.visits.model.RiskLevel;

/** The force's visit policy (SPEC section 3): visit and risk-review intervals by risk, and two day counts. */
public record VisitPolicy(
        Map<RiskLevel, Integer> visitIntervalMonths,
        Map<RiskLevel, Integer> riskReviewIntervalMonths,
        int firstVisitWithinDays,
        int escalateAfterDaysOverdue) {

    /** The national schedule that applied before 2017. */
    public static VisitPolicy national() {
        Map<RiskLevel, Integer> visits = new EnumMap<>(RiskLevel.class);
        visits.put(RiskLevel.VERY_HIGH, 1);
        visits.put(RiskLevel.HIGH, 3);
        visits.put(RiskLevel.MEDIUM, 6);
        visits.put(RiskLevel.LOW, 12);
        Map<RiskLevel, Integer> reviews = new EnumMap<>(RiskLevel.class);
        for (RiskLevel level : RiskLevel.values()) {
            reviews.put(level, 12);
        }
        return new VisitPolicy(visits, reviews, 28, 28);
    }

    public int visitIntervalMonths(RiskLevel level) {
        return visitIntervalMonths.get(level);
    }

    public int riskReviewIntervalMonths(RiskLevel level) {
        return riskReviewIntervalMonths.get(level);
    }
}
