package uk.police.oversight.notifications.model;

/** What a notification is about. */
public enum NotificationType {
    DUE_SOON, OVERDUE, ESCALATION, DIGEST,
    /** A tracked action (assurance-service) falls due in 14 days: to its owner. */
    ACTION_DUE_SOON,
    /** A tracked action has passed its due date unclosed: to its owner. */
    ACTION_OVERDUE
}
