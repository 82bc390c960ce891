package uk.police.oversight.visits.compliance;

import java.time.LocalDate;

/**
 * Where an offender stands on a date: when their next home visit is due, whether they are overdue and by how long,
 * how many times in a row nobody answered the door, and when their risk review is due.
 */
public record Schedule(
        LocalDate asOf,
        boolean inScope,
        int intervalMonths,
        LocalDate lastVisitOn,
        LocalDate dueOn,
        boolean overdue,
        long daysOverdue,
        int consecutiveNoAccess,
        boolean warrantEligible,
        LocalDate reviewDueOn,
        boolean reviewOverdue) {

    /** The band of days overdue, or null when not overdue. */
    public Band band() {
        return overdue ? Band.of(daysOverdue) : null;
    }
}
