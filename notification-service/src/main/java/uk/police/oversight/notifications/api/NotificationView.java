package uk.police.oversight.notifications.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.police.oversight.notifications.model.Channel;
import uk.police.oversight.notifications.model.DeliveryStatus;
import uk.police.oversight.notifications.model.Notification;
import uk.police.oversight.notifications.model.NotificationType;

/** One entry of the delivery log. */
@Schema(requiredProperties = {"id", "type", "recipientId", "channel", "status", "attempts", "offenderIds", "createdAt"}, name = "Notification")
public record NotificationView(
        UUID id,
        NotificationType type,
        @Schema(description = "The staff member (EMAIL) or webhook subscription (WEBHOOK) it went to") UUID recipientId,
        Channel channel,
        DeliveryStatus status,
        @Schema(description = "Delivery attempts so far", examples = "1") int attempts,
        List<UUID> offenderIds,
        @Schema(description = "The due date it is about (absent for a digest)", examples = "2022-03-01") LocalDate dueOn,
        @Schema(examples = "BRS") String areaCode,
        Instant createdAt,
        Instant sentAt,
        @Schema(description = "Why the last attempt failed", examples = "SMTP: ConnectException: Connection refused") String lastError,
        @Schema(description = "When a PENDING notification will be tried again") Instant nextAttemptAt,
        @Schema(description = "W3C trace id of what queued it (the compliance event, the request): the trace shows where "
                + "the time went between the announcement and each delivery attempt (docs/runbook.md)",
                examples = "4bf92f3577b34da6a3ce929d0e0e4736", pattern = "^[0-9a-f]{32}$") String traceId) {

    public static NotificationView of(Notification n) {
        return new NotificationView(n.id, n.type, n.recipientId, n.channel, n.status, n.attempts, n.offenderIds, n.dueOn,
                n.areaCode, n.createdAt, n.sentAt, n.lastError, n.status == DeliveryStatus.PENDING ? n.nextAttemptAt : null,
                n.traceparent == null || n.traceparent.length() < 35 ? null : n.traceparent.substring(3, 35));
    }
}
