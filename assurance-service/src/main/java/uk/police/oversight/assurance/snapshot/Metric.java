package uk.police.oversight.assurance.snapshot;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** A figure a snapshot keeps and a trend, a threshold or an action's closure criterion can be about. */
public enum Metric {
    OVERDUE("overdue", Better.LOWER),
    COMPLIANCE_RATE("complianceRate", Better.HIGHER),
    OLDEST_DAYS_OVERDUE("oldestDaysOverdue", Better.LOWER),
    OVERDUE_RISK_REVIEWS("overdueRiskReviews", Better.LOWER),
    REVIEW_COMPLIANCE_RATE("reviewComplianceRate", Better.HIGHER),
    IN_SCOPE("inScope", null);

    private final String label;
    private final Better naturalDirection;

    Metric(String label, Better naturalDirection) {
        this.label = label;
        this.naturalDirection = naturalDirection;
    }

    @JsonValue
    public String label() {
        return label;
    }

    /** Which way is better for this metric, if either is (inScope is neither: it is how many there are). */
    public Better naturalDirection() {
        return naturalDirection;
    }

    public boolean isRate() {
        return this == COMPLIANCE_RATE || this == REVIEW_COMPLIANCE_RATE;
    }

    @JsonCreator
    public static Metric of(String label) {
        return Arrays.stream(values()).filter(m -> m.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be one of " + labels()));
    }

    /** For query parameters: the label ({@code complianceRate}). */
    public static Metric fromString(String label) {
        return of(label);
    }

    public static String labels() {
        return Arrays.stream(values()).map(Metric::label).collect(Collectors.joining(", "));
    }

    /** Which way a figure is better. */
    public enum Better { HIGHER, LOWER }
}
