package uk.police.oversight.notifications.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.police.oversight.notifications.model.NotificationType;

/** The notifications a force system may subscribe to by webhook (the daily digest goes to managers by email only). */
@Schema(name = "WebhookEventType", description = "A notification a force system may receive by webhook")
public enum WebhookEventType {
    DUE_SOON, OVERDUE, ESCALATION;

    public NotificationType notificationType() {
        return NotificationType.valueOf(name());
    }
}
