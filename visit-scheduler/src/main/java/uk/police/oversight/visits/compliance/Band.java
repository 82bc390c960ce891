package uk.police.oversight.visits.compliance;

/** Bands of days overdue (SPEC section 3). */
public enum Band {
    DAYS_1_30("1-30", 1, 30),
    DAYS_31_90("31-90", 31, 90),
    DAYS_91_180("91-180", 91, 180),
    DAYS_181_PLUS("181+", 181, Integer.MAX_VALUE);

    private final String label;
    private final int from;
    private final int to;

    Band(String label, int from, int to) {
        this.label = label;
        this.from = from;
        this.to = to;
    }

    /** How clients write the band: `1-30`, `31-90`, `91-180`, `181+`. */
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

    public static Band fromLabel(String label) {
        for (Band band : values()) {
            if (band.label.equals(label)) {
                return band;
            }
        }
        throw new IllegalArgumentException("Not a band: " + label);
    }
}
