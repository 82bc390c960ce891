package uk.police.oversight.common.events;

/**
 * What the compliance scan announces about an offender (docs/domain.md, the compliance scan), with the event type it
 * is announced with: visit-scheduler records each announcement once under this name ({@code compliance_event.kind}),
 * and notification-service keeps the open ones under the same name ({@code open_item.kind}; an escalation is told,
 * never kept open).
 */
public enum Announcement {
    DUE_SOON(EventTypes.VISIT_DUE_SOON),
    OVERDUE(EventTypes.OFFENDER_BECAME_OVERDUE),
    ESCALATED(EventTypes.OVERDUE_ESCALATED),
    REVIEW_OVERDUE(EventTypes.RISK_REVIEW_OVERDUE);

    private final String eventType;

    Announcement(String eventType) {
        this.eventType = eventType;
    }

    public String eventType() {
        return eventType;
    }
}
