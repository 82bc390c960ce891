package uk.police.oversight.notifications.model;

/** Where a notification stands: waiting or being retried, delivered, or given up on with the reason recorded. */
public enum DeliveryStatus {
    PENDING, SENT, FAILED
}
