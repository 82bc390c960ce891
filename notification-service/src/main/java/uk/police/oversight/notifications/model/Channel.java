package uk.police.oversight.notifications.model;

/** How a notification is delivered. */
public enum Channel {
    EMAIL, WEBHOOK
}
