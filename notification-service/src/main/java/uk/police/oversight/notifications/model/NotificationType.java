package uk.police.oversight.notifications.model;

/** What a notification is about. */
public enum NotificationType {
    DUE_SOON, OVERDUE, ESCALATION, DIGEST
}
