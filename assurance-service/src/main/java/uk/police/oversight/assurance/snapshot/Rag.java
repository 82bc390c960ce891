package uk.police.oversight.assurance.snapshot;

/** Red, amber, green: a value rated against a threshold (SPEC section 9). */
public enum Rag {
    GREEN, AMBER, RED;

    /** At least as good as green is GREEN, at least as good as amber AMBER, else RED; no threshold, no rating. */
    public static Rag of(double value, Threshold threshold) {
        if (threshold == null) {
            return null;
        }
        if (threshold.atLeastAsGood(value, threshold.green())) {
            return GREEN;
        }
        return threshold.atLeastAsGood(value, threshold.amber()) ? AMBER : RED;
    }
}
