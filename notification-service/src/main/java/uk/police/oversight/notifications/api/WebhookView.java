package uk.police.oversight.notifications.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.police.oversight.notifications.model.WebhookSubscription;

/** A webhook subscription as the API shows it: never its secret. */
@Schema(requiredProperties = {"id", "url", "eventTypes", "active", "consecutiveFailures", "createdBy", "createdAt"}, name = "Webhook")
public record WebhookView(
        UUID id,
        @Schema(examples = "https://records.force.example/oversight/hooks") String url,
        @Schema(examples = "[\"OVERDUE\", \"ESCALATION\"]") List<WebhookEventType> eventTypes,
        String description,
        @Schema(description = "False once disabled after repeated failed deliveries") boolean active,
        @Schema(examples = "0") int consecutiveFailures,
        Instant disabledAt,
        @Schema(examples = "Disabled after 10 consecutive failed deliveries; last: HTTP 500 from https://…") String disabledReason,
        String createdBy,
        Instant createdAt) {

    public static WebhookView of(WebhookSubscription s) {
        return new WebhookView(s.id, s.url, s.eventTypes.stream().map(WebhookEventType::valueOf).toList(), s.description, s.active, s.consecutiveFailures, s.disabledAt,
                s.disabledReason, s.createdBy, s.createdAt);
    }
}
