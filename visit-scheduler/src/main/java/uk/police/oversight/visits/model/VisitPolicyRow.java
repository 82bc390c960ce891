package uk.police.oversight.visits.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import uk.police.oversight.visits.compliance.VisitPolicy;

/** The force's visit policy as stored: a single row. */
@Entity
@Table(name = "visit_policy")
public class VisitPolicyRow extends PanacheEntityBase {

    public static final short ID = 1;

    @Id
    public short id;

    @Column(name = "very_high_visit_months")
    public int veryHighVisitMonths;

    @Column(name = "high_visit_months")
    public int highVisitMonths;

    @Column(name = "medium_visit_months")
    public int mediumVisitMonths;

    @Column(name = "low_visit_months")
    public int lowVisitMonths;

    @Column(name = "very_high_review_months")
    public int veryHighReviewMonths;

    @Column(name = "high_review_months")
    public int highReviewMonths;

    @Column(name = "medium_review_months")
    public int mediumReviewMonths;

    @Column(name = "low_review_months")
    public int lowReviewMonths;

    @Column(name = "first_visit_within_days")
    public int firstVisitWithinDays;

    @Column(name = "escalate_after_days_overdue")
    public int escalateAfterDaysOverdue;

    @Version
    public long version;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    public static VisitPolicyRow current() {
        return findById(ID);
    }

    public VisitPolicy policy() {
        Map<RiskLevel, Integer> visits = new EnumMap<>(RiskLevel.class);
        visits.put(RiskLevel.VERY_HIGH, veryHighVisitMonths);
        visits.put(RiskLevel.HIGH, highVisitMonths);
        visits.put(RiskLevel.MEDIUM, mediumVisitMonths);
        visits.put(RiskLevel.LOW, lowVisitMonths);
        Map<RiskLevel, Integer> reviews = new EnumMap<>(RiskLevel.class);
        reviews.put(RiskLevel.VERY_HIGH, veryHighReviewMonths);
        reviews.put(RiskLevel.HIGH, highReviewMonths);
        reviews.put(RiskLevel.MEDIUM, mediumReviewMonths);
        reviews.put(RiskLevel.LOW, lowReviewMonths);
        return new VisitPolicy(visits, reviews, firstVisitWithinDays, escalateAfterDaysOverdue);
    }

    public void apply(VisitPolicy policy) {
        veryHighVisitMonths = policy.visitIntervalMonths(RiskLevel.VERY_HIGH);
        highVisitMonths = policy.visitIntervalMonths(RiskLevel.HIGH);
        mediumVisitMonths = policy.visitIntervalMonths(RiskLevel.MEDIUM);
        lowVisitMonths = policy.visitIntervalMonths(RiskLevel.LOW);
        veryHighReviewMonths = policy.riskReviewIntervalMonths(RiskLevel.VERY_HIGH);
        highReviewMonths = policy.riskReviewIntervalMonths(RiskLevel.HIGH);
        mediumReviewMonths = policy.riskReviewIntervalMonths(RiskLevel.MEDIUM);
        lowReviewMonths = policy.riskReviewIntervalMonths(RiskLevel.LOW);
        firstVisitWithinDays = policy.firstVisitWithinDays();
        escalateAfterDaysOverdue = policy.escalateAfterDaysOverdue();
    }
}
