package uk.police.oversight.notifications.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A force system's subscription to notifications by webhook. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends PanacheEntityBase {

    @Id
    public UUID id;

    public String url;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "event_types", columnDefinition = "text[]")
    public List<String> eventTypes;

    /** Signs deliveries (HMAC-SHA256); never shown through the API. */
    public String secret;

    public String description;

    public boolean active;

    @Column(name = "consecutive_failures")
    public int consecutiveFailures;

    @Column(name = "disabled_at")
    public Instant disabledAt;

    @Column(name = "disabled_reason")
    public String disabledReason;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    public static List<WebhookSubscription> activeFor(NotificationType type) {
        return list("active = true and array_contains(eventTypes, ?1)", type.name());
    }
}
