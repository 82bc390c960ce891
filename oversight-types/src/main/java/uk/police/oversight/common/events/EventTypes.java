package uk.police.oversight.common.events;

/** The event types and the broker addresses they travel on (docs/events.md describes each payload). */
public final class EventTypes {

    /** Offender and staff facts, published by offender-service; visit-scheduler and notification-service subscribe. */
    public static final String OFFENDER_ADDRESS = "oversight.offender-events";
    /** Visits and compliance events, published by visit-scheduler; notification-service subscribes. */
    public static final String COMPLIANCE_ADDRESS = "oversight.compliance-events";
    /** Action-tracker reminders, published by assurance-service; notification-service subscribes. */
    public static final String ASSURANCE_ADDRESS = "oversight.assurance-events";
    /**
     * Audit entries of earlier versions, from any service: drained by the audit store, sent to by nobody now. Each
     * service sends its entries to {@link #auditAddressOf(String)}, which only it may send to.
     */
    public static final String AUDIT_ADDRESS = "oversight.audit";

    /** The address a service's audit entries travel on; the broker lets only that service send to it. */
    public static String auditAddressOf(String service) {
        return AUDIT_ADDRESS + "." + service;
    }

    public static final String OFFENDER_REGISTERED = "uk.police.oversight.offender.registered";
    public static final String OFFENDER_CHANGED = "uk.police.oversight.offender.changed";
    public static final String OFFENDER_SNAPSHOT = "uk.police.oversight.offender.snapshot";
    public static final String OFFENDER_ERASED = "uk.police.oversight.offender.erased";
    /** A replay of every offender's facts is complete: its id and how many offenders and staff it published. */
    public static final String OFFENDER_REPLAY_COMPLETED = "uk.police.oversight.offender.replay-completed";
    public static final String RISK_ASSESSMENT_RECORDED = "uk.police.oversight.offender.risk-assessment-recorded";
    public static final String STAFF_CHANGED = "uk.police.oversight.staff.changed";

    public static final String VISIT_RECORDED = "uk.police.oversight.visit.recorded";
    public static final String VISIT_DUE_SOON = "uk.police.oversight.visit.due-soon";
    public static final String OFFENDER_BECAME_OVERDUE = "uk.police.oversight.visit.overdue";
    public static final String OVERDUE_ESCALATED = "uk.police.oversight.visit.overdue-escalated";
    public static final String RISK_REVIEW_OVERDUE = "uk.police.oversight.risk-review.overdue";

    /** A tracked action falls due in 14 days: its owner is told. */
    public static final String ACTION_DUE_SOON = "uk.police.oversight.action.due-soon";
    /** A tracked action's due date has passed and it is not closed: its owner is told. */
    public static final String ACTION_OVERDUE = "uk.police.oversight.action.overdue";

    public static final String AUDIT_RECORDED = "uk.police.oversight.audit.recorded";

    private EventTypes() {
    }
}
