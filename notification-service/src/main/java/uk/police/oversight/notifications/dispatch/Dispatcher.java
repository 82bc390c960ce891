package uk.police.oversight.notifications.dispatch;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import uk.police.oversight.messaging.DrainLoop;
import uk.police.oversight.messaging.EventTracing;
import uk.police.oversight.notifications.intake.Notifications;
import uk.police.oversight.notifications.model.Channel;
import uk.police.oversight.notifications.model.Notification;
import uk.police.oversight.notifications.model.StaffContact;
import uk.police.oversight.notifications.model.WebhookSubscription;

/**
 * Delivers pending notifications whose time has come. Each is leased first ({@code FOR UPDATE SKIP LOCKED}), so
 * several replicas share the work without sending anything twice, and no database connection is held while a mail
 * server or a force system answers.
 */
@ApplicationScoped
public class Dispatcher {

    private static final int BATCH = 50;

    @Inject
    DataSource dataSource;

    @Inject
    EmailChannel email;

    @Inject
    WebhookChannel webhooks;

    @Inject
    DeliveryLog log;

    @Inject
    EventTracing tracing;

    @ConfigProperty(name = "oversight.notifications.enabled", defaultValue = "true")
    boolean enabled;

    private DrainLoop loop;

    void start(@Observes StartupEvent event) {
        // Deliveries fail one by one, each on its own retry schedule (DeliveryLog); a batch that cannot be leased ends
        // the drain until the next tick.
        loop = new DrainLoop("notification-dispatcher", BATCH, this::dispatchBatch);
        loop.start();
        wake();
    }

    void stop(@Observes ShutdownEvent event) {
        if (loop != null) {
            loop.stop();
        }
    }

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) Notifications.Queued queued) {
        wake();
    }

    @Scheduled(every = "${oversight.notifications.dispatch-interval:2s}", executeWith = Scheduled.SIMPLE,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        wake();
    }

    void wake() {
        if (enabled && loop != null) {
            loop.wake();
        }
    }

    /** Leases the next due notifications and delivers each; how many there were. */
    private int dispatchBatch() throws SQLException {
        List<Notification> due = lease();
        for (Notification notification : due) {
            deliver(notification);
        }
        return due.size();
    }

    /** Delivers one notification in a span of the trace that queued it (the compliance event's, the request's). */
    private void deliver(Notification notification) {
        Span span = tracing.resumed("deliver " + notification.channel.name().toLowerCase(java.util.Locale.ROOT),
                notification.traceparent);
        try (Scope scope = span.makeCurrent()) {
            deliverNow(notification);
        } catch (RuntimeException e) {
            EventTracing.failed(span, e);
            throw e;
        } finally {
            span.end();
        }
    }

    private void deliverNow(Notification notification) {
        if (notification.channel == Channel.EMAIL) {
            StaffContact recipient = inTransaction(() -> StaffContact.findById(notification.recipientId));
            if (recipient == null || recipient.email == null) {
                // Staff details arrive as events and may be late: try again later, and fail in the end.
                log.record(notification, Delivery.failed("No contact details for staff member " + notification.recipientId + " yet"));
            } else if (!recipient.active) {
                log.fail(notification, "Staff member " + recipient.staffNumber + " is no longer active");
            } else {
                log.record(notification, email.send(notification, recipient));
            }
        } else {
            WebhookSubscription subscription = inTransaction(() -> WebhookSubscription.findById(notification.recipientId));
            if (subscription == null || !subscription.active) {
                log.fail(notification, "The webhook subscription was deleted or disabled");
            } else {
                log.record(notification, webhooks.send(notification, subscription));
            }
        }
    }

    private static <T> T inTransaction(java.util.function.Supplier<T> work) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(work::get);
    }

    /** Takes the next pending notifications whose time has come, for two minutes. */
    private List<Notification> lease() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement lease = connection.prepareStatement(
                        "update notification set lease_until = now() + interval '2 minutes' where id in ("
                                + "select id from notification where status = 'PENDING' and next_attempt_at <= now()"
                                + " and (lease_until is null or lease_until < now()) order by next_attempt_at limit " + BATCH
                                + " for update skip locked) returning id")) {
            List<UUID> ids = new ArrayList<>();
            try (ResultSet rs = lease.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            if (ids.isEmpty()) {
                return List.of();
            }
            return inTransaction(() -> {
                List<Notification> rows = Notification.list("id in ?1", ids);
                rows.forEach(row -> Notification.getEntityManager().detach(row));
                return rows;
            });
        }
    }
}
