package uk.police.oversight.notifications.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import uk.police.oversight.notifications.model.Channel;
import uk.police.oversight.notifications.model.DeliveryStatus;

/**
 * The delivery log as Prometheus gauges (management interface): notifications by channel and state
 * ({@code oversight_notifications{channel="email",state="failed"}}) and webhook subscriptions disabled. Refreshed every
 * minute from the database, so every replica shows the same figures (alerts take {@code max}).
 */
@ApplicationScoped
public class NotificationMetrics {

    private static final Logger LOG = Logger.getLogger(NotificationMetrics.class);

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry registry;

    private final Map<Channel, Map<DeliveryStatus, AtomicLong>> notifications = new EnumMap<>(Channel.class);
    private final AtomicLong webhooksDisabled = new AtomicLong();

    void start(@Observes StartupEvent event) {
        for (Channel channel : Channel.values()) {
            Map<DeliveryStatus, AtomicLong> states = new EnumMap<>(DeliveryStatus.class);
            for (DeliveryStatus state : DeliveryStatus.values()) {
                AtomicLong value = new AtomicLong();
                states.put(state, value);
                Gauge.builder("oversight.notifications", value, AtomicLong::get)
                        .description("Notifications in the delivery log, by channel and state")
                        .tag("channel", channel.name().toLowerCase(Locale.ROOT))
                        .tag("state", state.name().toLowerCase(Locale.ROOT)).register(registry);
            }
            notifications.put(channel, states);
        }
        Gauge.builder("oversight.webhook.subscriptions.disabled", webhooksDisabled, AtomicLong::get)
                .description("Webhook subscriptions disabled (a target refused, or an address webhooks may not reach)")
                .register(registry);
        refresh();
    }

    @Scheduled(every = "${oversight.metrics.refresh-interval:60s}", delayed = "${oversight.metrics.refresh-interval:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public synchronized void refresh() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement counts = connection.prepareStatement(
                        "select channel, status, count(*) from notification group by channel, status");
                PreparedStatement disabled = connection.prepareStatement(
                        "select count(*) from webhook_subscription where not active")) {
            Map<Channel, Map<DeliveryStatus, Long>> now = new EnumMap<>(Channel.class);
            try (ResultSet rs = counts.executeQuery()) {
                while (rs.next()) {
                    now.computeIfAbsent(Channel.valueOf(rs.getString(1)), c -> new EnumMap<>(DeliveryStatus.class))
                            .put(DeliveryStatus.valueOf(rs.getString(2)), rs.getLong(3));
                }
            }
            // Each gauge goes from its old count to its new one, never through zero.
            notifications.forEach((channel, states) -> states.forEach((state, value) ->
                    value.set(now.getOrDefault(channel, Map.of()).getOrDefault(state, 0L))));
            try (ResultSet rs = disabled.executeQuery()) {
                rs.next();
                webhooksDisabled.set(rs.getLong(1));
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Could not refresh the notification metrics (%s); they keep their last values", e.getMessage());
        }
    }
}
