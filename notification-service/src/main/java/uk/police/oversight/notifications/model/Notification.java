package uk.police.oversight.notifications.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One notification in the delivery log. Rows are written by the intake and the digest, and moved on by the dispatcher. */
@Entity
public class Notification extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public NotificationType type;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    /** The staff member (email) or webhook subscription (webhook) it goes to. */
    @Column(name = "recipient_id")
    public UUID recipientId;

    @Column(name = "area_code")
    public String areaCode;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "offender_ids", columnDefinition = "uuid[]")
    public List<UUID> offenderIds;

    @Column(name = "due_on")
    public LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    public DeliveryStatus status;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    /** What to deliver: the compliance event (or the digest) it was made from, as JSON. */
    public String payload;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "last_error")
    public String lastError;

    /** The W3C trace context of what queued it: its delivery joins that trace. */
    public String traceparent;
}
