package uk.police.oversight.visits.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The payload of the compliance scan's announcements ({@code visit.due-soon}, {@code visit.overdue},
 * {@code visit.overdue-escalated}, {@code risk-review.overdue}) on {@code oversight.compliance-events}, as
 * visit-scheduler sends it (docs/events.asyncapi.yaml, {@code complianceAnnouncement}; EventContractIT holds the two
 * together). No name, no address.
 */
public record ComplianceEventData(UUID offenderId, String pncId, String riskLevel, String areaCode, UUID managerId,
        LocalDate dueOn, long daysOverdue, LocalDate lastVisitOn, LocalDate asOf, int escalateAfterDaysOverdue,
        long offenderVersion) {
}
