package uk.police.oversight.notifications.digest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A manager's daily digest: what is overdue, due soon and overdue a risk review on their caseload, on a date. */
public record Digest(LocalDate date, UUID managerId, List<Line> overdue, List<Line> dueSoon, List<Line> reviewsOverdue) {

    /** One offender in the digest: PNC id, risk, the due date and how many days overdue (0 when not yet). */
    public record Line(UUID offenderId, String pncId, String riskLevel, LocalDate dueOn, long daysOverdue) {
    }

    public int size() {
        return overdue.size() + dueSoon.size() + reviewsOverdue.size();
    }
}
