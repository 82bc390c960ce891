package uk.police.oversight.notifications.dispatch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.police.oversight.common.audit.AuditAction;
import uk.police.oversight.common.audit.AuditRecord;
import uk.police.oversight.messaging.AuditTrail;
import uk.police.oversight.notifications.model.Channel;
import uk.police.oversight.notifications.model.DeliveryStatus;
import uk.police.oversight.notifications.model.Notification;
import uk.police.oversight.notifications.model.WebhookSubscription;

/**
 * Records the outcome of each delivery attempt: SENT (with the disclosure in the audit log), a retry with exponential
 * backoff, or FAILED with the reason once the attempts are used up. A webhook subscription that keeps failing is
 * disabled, with the reason recorded, and its pending deliveries are failed.
 */
@ApplicationScoped
@Transactional
public class DeliveryLog {

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @ConfigProperty(name = "oversight.notifications.retry.initial-delay", defaultValue = "30s")
    Duration initialDelay;

    @ConfigProperty(name = "oversight.notifications.retry.max-delay", defaultValue = "30m")
    Duration maxDelay;

    @ConfigProperty(name = "oversight.notifications.retry.max-attempts", defaultValue = "12")
    int maxAttempts;

    @Inject
    uk.police.oversight.notifications.webhooks.WebhookConfig webhooks;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    public void record(Notification leased, Delivery delivery) {
        Notification notification = Notification.findById(leased.id);
        if (notification == null || notification.status != DeliveryStatus.PENDING) {
            return;
        }
        notification.attempts++;
        Notification.getEntityManager().createNativeQuery("update notification set lease_until = null where id = :id")
                .setParameter("id", notification.id).executeUpdate();
        WebhookSubscription subscription = notification.channel == Channel.WEBHOOK
                ? WebhookSubscription.findById(notification.recipientId) : null;
        if (delivery.delivered()) {
            notification.status = DeliveryStatus.SENT;
            notification.sentAt = clock.instant();
            notification.lastError = null;
            if (subscription != null) {
                subscription.consecutiveFailures = 0;
            }
            disclosed(notification, delivery, "delivered");
            return;
        }
        if (delivery.disclosedTo() != null) {
            // Sent but not acknowledged: the data left the system all the same (DPA 2018 s.62).
            disclosed(notification, delivery, "not acknowledged: " + delivery.error());
        }
        notification.lastError = truncate(delivery.error());
        if (!delivery.retryable() || notification.attempts >= maxAttempts) {
            notification.status = DeliveryStatus.FAILED;
        } else {
            notification.nextAttemptAt = clock.instant().plus(backoff(notification.attempts));
        }
        if (subscription != null) {
            subscription.consecutiveFailures++;
            if (subscription.active && !delivery.retryable()) {
                disable(subscription, "a delivery that cannot succeed: " + delivery.error());
            } else if (subscription.active && subscription.consecutiveFailures >= webhooks.disableAfterFailures()) {
                disable(subscription, subscription.consecutiveFailures + " consecutive failed deliveries; last: " + delivery.error());
            }
        }
    }

    private void disclosed(Notification notification, Delivery delivery, String how) {
        audit.record(AuditRecord.granted(clock.instant(), service, List.of(), AuditAction.DISCLOSE, notification.offenderIds,
                service, null, null, notification.type + " " + delivery.disclosedTo() + ", attempt " + notification.attempts
                        + ", " + how + " (notification " + notification.id + ")"));
    }

    /** Fails a notification that cannot be delivered at all (no such recipient, subscription gone). */
    public void fail(Notification leased, String reason) {
        Notification notification = Notification.findById(leased.id);
        if (notification != null && notification.status == DeliveryStatus.PENDING) {
            notification.status = DeliveryStatus.FAILED;
            notification.lastError = truncate(reason);
        }
    }

    void disable(WebhookSubscription subscription, String reason) {
        subscription.active = false;
        subscription.disabledAt = clock.instant();
        subscription.disabledReason = truncate("Disabled after " + reason);
        Notification.update("status = ?1, lastError = ?2 where recipientId = ?3 and status = ?4",
                DeliveryStatus.FAILED, "The webhook subscription was disabled", subscription.id, DeliveryStatus.PENDING);
    }

    /** initial × 2^(attempt−1), at most the maximum. */
    Duration backoff(int attempt) {
        Duration delay = initialDelay.multipliedBy(1L << Math.min(attempt - 1, 20));
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 999) + "…";
    }
}
