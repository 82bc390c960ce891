package uk.police.oversight.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.amqp.OutgoingAmqpMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;
import uk.police.oversight.common.events.CloudEvent;

/**
 * Publishes outbox rows to the broker and marks them sent once the broker has accepted them. A broker outage only
 * delays events: rows stay pending and are retried with backoff. Several replicas share the work through leases
 * taken with {@code FOR UPDATE SKIP LOCKED}; consumers tolerate the repeats a crash between send and mark can cause.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;

    @Inject
    @Channel("outbox")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4 * BATCH)
    Emitter<String> emitter;

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry registry;

    @Inject
    EventTracing tracing;

    /**
     * How long a batch waits for the broker's acknowledgements. A batch is leased for this and 10 s more, so a relay
     * that died mid-batch (a crash, an evicted pod) holds its events back from the others for no longer than that.
     */
    @ConfigProperty(name = "oversight.outbox.ack-timeout", defaultValue = "10s")
    Duration ackTimeout;

    @ConfigProperty(name = "oversight.outbox.max-backoff", defaultValue = "30s")
    Duration maxBackoff;

    @ConfigProperty(name = "oversight.outbox.batch-window", defaultValue = "50ms")
    Duration batchWindow;

    @ConfigProperty(name = "oversight.outbox.enabled", defaultValue = "true")
    boolean enabled;

    private final AtomicLong published = new AtomicLong();
    private DrainLoop loop;

    void start(@Observes StartupEvent event) {
        loop = new DrainLoop("outbox-relay", BATCH, maxBackoff, this::relayBatch);
        registry.gauge("oversight.outbox.pending", this, OutboxRelay::pendingCount);
        Gauge.builder("oversight.outbox.oldest.pending.age", this, OutboxRelay::oldestPendingAgeSeconds)
                .description("Age of the oldest event not yet accepted by the broker (0 when none is pending)")
                .baseUnit("seconds").register(registry);
        registry.more().counter("oversight.outbox.published", List.of(), published);
        loop.start();
        requestDrain();
    }

    void stop(@Observes ShutdownEvent event) {
        if (loop != null) {
            loop.stop();
        }
    }

    /**
     * Wakes the relay shortly after a transaction that wrote to the outbox has committed; the short window lets the
     * events of many requests under load go to the broker (and be marked sent) together.
     */
    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.OutboxWritten written) {
        if (enabled && loop != null) {
            loop.wakeAfter(batchWindow);
        }
    }

    /** Polls for rows left behind: written by another replica, or pending while the broker was away. */
    @Scheduled(every = "${oversight.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            executeWith = Scheduled.SIMPLE, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        requestDrain();
    }

    /** Removes sent events after a week, keeping the table small. */
    @Scheduled(every = "1h", delayed = "1m", executeWith = Scheduled.SIMPLE, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void housekeeping() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement outbox = connection.prepareStatement(
                        "delete from outbox_event where published_at < now() - interval '7 days'");
                PreparedStatement inbox = connection.prepareStatement(
                        "delete from inbox_event where received_at < now() - interval '30 days'")) {
            outbox.executeUpdate();
            inbox.executeUpdate();
        } catch (SQLException e) {
            LOG.warn("Outbox housekeeping failed; it will run again", e);
        }
    }

    void requestDrain() {
        if (enabled && loop != null) {
            loop.wake();
        }
    }

    /**
     * Sends one batch of pending events in order; returns how many the broker accepted. The batch is leased in a short
     * transaction and marked afterwards, so no database connection waits on the broker.
     */
    int relayBatch() {
        List<Row> rows;
        try {
            rows = lease();
        } catch (SQLException e) {
            pause(e.getMessage());
            return 0;
        }
        if (rows.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<Void>> acks = new ArrayList<>(rows.size());
        // One publish span per run of events written together (same writer, same address): a child of their writer.
        List<Span> spans = new ArrayList<>();
        List<Span> spanOfRow = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (i == 0 || !sameWriter(rows.get(i - 1), row)) {
                int end = i;
                while (end < rows.size() && sameWriter(row, rows.get(end))) {
                    end++;
                }
                spans.add(tracing.publishing(row.destination(), row.traceparent(), end - i));
            }
            spanOfRow.add(spans.get(spans.size() - 1));
            acks.add(send(row));
        }
        List<UUID> accepted = new ArrayList<>();
        List<UUID> refused = new ArrayList<>();
        String failure = null;
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        for (int i = 0; i < rows.size(); i++) {
            try {
                acks.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                accepted.add(rows.get(i).id());
            } catch (ExecutionException e) {
                refused.add(rows.get(i).id());
                failure = String.valueOf(e.getCause());
                EventTracing.failed(spanOfRow.get(i), e.getCause());
            } catch (TimeoutException e) {
                // Still on its way (the broker is away): the lease runs out and the event is sent again later.
                failure = "no acknowledgement from the broker within " + ackTimeout.toSeconds() + " s";
                EventTracing.failed(spanOfRow.get(i), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                spans.forEach(Span::end);
                return 0;
            }
        }
        spans.forEach(Span::end);
        try {
            mark(accepted, refused, failure);
        } catch (SQLException e) {
            LOG.warn("Could not mark relayed events; they will be sent again (consumers ignore repeats)", e);
        }
        published.addAndGet(accepted.size());
        if (failure != null) {
            pause(failure);
            return 0;
        }
        loop.succeeded();
        return accepted.size();
    }

    /**
     * Takes the next pending events, oldest first, that no relay is sending now. The statement walks the pending index
     * in order ({@code enable_bitmapscan} off for this transaction alone): PostgreSQL's estimate of a few pending rows
     * makes it prefer a bitmap scan, which visits every dead entry the sent events left in that index until a vacuum
     * (about 80 ms a call with 100,000 sent events, docs/benchmarks.md), while an ordered index scan stops after the
     * batch and marks the dead entries it passes so that later calls skip them.
     */
    private List<Row> lease() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement plan = connection.createStatement(); PreparedStatement lease = connection.prepareStatement(LEASE)) {
                plan.execute("set local enable_bitmapscan = off");
                lease.setLong(1, ackTimeout.toSeconds() + 10);
                List<Row> rows = new ArrayList<>();
                try (ResultSet rs = lease.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getLong(6), rs.getString(7)));
                    }
                }
                connection.commit();
                rows.sort(java.util.Comparator.comparingLong(Row::seq));
                return rows;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    /** The lease: the oldest pending events no relay holds, held for the given seconds. */
    static final String LEASE = "update outbox_event set lease_until = now() + ? * interval '1 second' where id in ("
            + "select id from outbox_event where published_at is null"
            + " and (lease_until is null or lease_until < now())"
            + " order by seq limit " + BATCH + " for update skip locked)"
            + " returning id, destination, type, subject, payload, seq, traceparent";

    private void mark(List<UUID> accepted, List<UUID> refused, String failure) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!accepted.isEmpty()) {
                try (PreparedStatement update = connection.prepareStatement(
                        "update outbox_event set published_at = now(), attempts = attempts + 1, lease_until = null"
                                + " where id = any(?)")) {
                    update.setArray(1, connection.createArrayOf("uuid", accepted.toArray()));
                    update.executeUpdate();
                }
            }
            if (!refused.isEmpty()) {
                try (PreparedStatement update = connection.prepareStatement(
                        "update outbox_event set attempts = attempts + 1, last_error = ?, lease_until = null where id = any(?)")) {
                    update.setString(1, failure.length() > 1000 ? failure.substring(0, 1000) : failure);
                    update.setArray(2, connection.createArrayOf("uuid", refused.toArray()));
                    update.executeUpdate();
                }
            }
        }
    }

    private CompletableFuture<Void> send(Row row) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        OutgoingAmqpMetadata metadata = OutgoingAmqpMetadata.builder()
                .withAddress(row.destination())
                .withDurable(true)
                .withMessageId(row.id().toString())
                .withSubject(row.type())
                .withContentType(CloudEvent.CONTENT_TYPE)
                .withApplicationProperty("cloudEvents:type", row.type())
                .build();
        Message<String> message = Message.of(row.payload(), Metadata.of(metadata),
                () -> {
                    ack.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    ack.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        try {
            emitter.send(message);
        } catch (RuntimeException e) {
            ack.completeExceptionally(e);
        }
        return ack;
    }

    private void pause(String reason) {
        LOG.warnf("Broker did not accept events (%s); retrying in %d ms", reason, loop.backOff().toMillis());
    }

    /** Events written but not yet accepted by the broker. */
    public long pendingCount() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement("select count(*) from outbox_event where published_at is null");
                ResultSet rs = count.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }

    /** Seconds since the oldest pending event was written; 0 when none is pending, -1 when the database is away. */
    public double oldestPendingAgeSeconds() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement oldest = connection.prepareStatement(
                        "select extract(epoch from now() - created_at) from outbox_event where published_at is null"
                                + " order by seq limit 1");
                ResultSet rs = oldest.executeQuery()) {
            return rs.next() ? Math.max(0, rs.getDouble(1)) : 0;
        } catch (SQLException e) {
            return -1;
        }
    }

    private static boolean sameWriter(Row a, Row b) {
        return a.destination().equals(b.destination()) && java.util.Objects.equals(a.traceparent(), b.traceparent());
    }

    private record Row(UUID id, String destination, String type, String subject, String payload, long seq,
            String traceparent) {
    }
}
