package uk.police.oversight.assurance.snapshot;

/** How a snapshot came about (SPEC section 9). */
public enum SnapshotKind {
    /** Taken by itself at a month's end. */
    MONTHLY,
    /** Asked for, as of today. */
    ON_DEMAND,
    /** Asked for, as of a past date: computed from today's attributes of the offenders, and always labelled so. */
    RECONSTRUCTED
}
