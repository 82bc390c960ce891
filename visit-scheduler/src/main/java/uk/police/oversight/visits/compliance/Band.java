package uk.police.oversight.visits.compliance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Bands of days overdue (docs/domain.md), written as their labels (`1-30`, …) wherever the API takes or gives one:
 * the one place the labels are spelt, and the one `Band` schema of the OpenAPI document.
 */
@Schema(name = "Band", description = "A band of days overdue", enumeration = {Band.L1_30, Band.L31_90, Band.L91_180, Band.L181_PLUS},
        extensions = @Extension(name = "x-enum-varnames", value = "[\"DAYS_1_TO_30\", \"DAYS_31_TO_90\", \"DAYS_91_TO_180\", \"DAYS_181_OR_MORE\"]",
                parseValue = true))
public enum Band {
    DAYS_1_30(Band.L1_30, 1, 30),
    DAYS_31_90(Band.L31_90, 31, 90),
    DAYS_91_180(Band.L91_180, 91, 180),
    DAYS_181_PLUS(Band.L181_PLUS, 181, Integer.MAX_VALUE);

    static final String L1_30 = "1-30";
    static final String L31_90 = "31-90";
    static final String L91_180 = "91-180";
    static final String L181_PLUS = "181+";

    private final String label;
    private final int from;
    private final int to;

    Band(String label, int from, int to) {
        this.label = label;
        this.from = from;
        this.to = to;
    }

    /** How clients write the band: `1-30`, `31-90`, `91-180`, `181+`. */
    @JsonValue
    public String label() {
        return label;
    }

    public int from() {
        return from;
    }

    public int to() {
        return to;
    }

    public static Band of(long daysOverdue) {
        for (Band band : values()) {
            if (daysOverdue >= band.from && daysOverdue <= band.to) {
                return band;
            }
        }
        throw new IllegalArgumentException("Not overdue: " + daysOverdue + " days");
    }

    /**
     * The band of a number of days as a SQL {@code case} expression over {@code days} (null when not overdue), written
     * from the constants above so that the SQL path and the API cannot spell a band differently.
     */
    static String sqlCase(String days) {
        StringBuilder sql = new StringBuilder("case when ").append(days).append(" is null then null");
        Band[] bands = values();
        for (int i = 0; i < bands.length - 1; i++) {
            sql.append(" when ").append(days).append(" <= ").append(bands[i].to).append(" then '").append(bands[i].label).append('\'');
        }
        return sql.append(" else '").append(bands[bands.length - 1].label).append("' end").toString();
    }

    @JsonCreator
    public static Band fromLabel(String label) {
        for (Band band : values()) {
            if (band.label.equals(label)) {
                return band;
            }
        }
        throw new IllegalArgumentException("Not a band: " + label);
    }
}
