package uk.police.oversight.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.police.oversight.common.events.CloudEvent;

/**
 * Writes events into the outbox table in the caller's transaction, so that an event exists exactly when the change
 * it describes was committed. {@link OutboxRelay} publishes them to the broker afterwards.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Outbox {

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    Clock clock;

    @Inject
    Event<OutboxWritten> written;

    @ConfigProperty(name = "quarkus.application.name")
    String source;

    /**
     * Whether events carry their writer's traceparent. Off only while upgrading from a release whose consumers refuse
     * an envelope attribute they do not know (docs/deployment.md, "Upgrading").
     */
    @ConfigProperty(name = "oversight.events.traceparent", defaultValue = "true")
    boolean withTraceparent;

    /** An event to queue: its type, its subject (the record it is about) and its data. */
    public record Pending(String type, String subject, Object data) {
    }

    /** Queues an event for {@code destination} (a broker address); returns the event's id. */
    public UUID publish(String destination, String type, String subject, Object data) {
        return publishAll(destination, java.util.List.of(new Pending(type, subject, data))).get(0);
    }

    /**
     * Queues several events for {@code destination} in one batched statement (a batch import writes a thousand at
     * once); returns their ids in order.
     */
    public java.util.List<UUID> publishAll(String destination, java.util.List<Pending> events) {
        java.util.List<UUID> ids = new java.util.ArrayList<>(events.size());
        if (events.isEmpty()) {
            return ids;
        }
        // The writer's trace context travels with each event (EventTracing): the consumers' work joins this trace.
        String traceparent = withTraceparent ? uk.police.oversight.common.tracing.TraceContext.traceparent() : null;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into outbox_event (id, destination, type, subject, payload, traceparent) values (?, ?, ?, ?, ?, ?)")) {
            for (Pending pending : events) {
                UUID id = UUID.randomUUID();
                CloudEvent event = CloudEvent.of(id, "/" + source, pending.type(), pending.subject(), clock.instant(),
                        objectMapper.valueToTree(pending.data()), traceparent);
                insert.setObject(1, id);
                insert.setString(2, destination);
                insert.setString(3, pending.type());
                insert.setString(4, pending.subject());
                insert.setString(5, objectMapper.writeValueAsString(event));
                insert.setString(6, traceparent);
                insert.addBatch();
                ids.add(id);
            }
            insert.executeBatch();
        } catch (SQLException | JsonProcessingException e) {
            String types = events.stream().map(Pending::type).distinct().collect(java.util.stream.Collectors.joining(", "));
            throw new IllegalStateException("Could not write event " + types + " to the outbox", e);
        }
        written.fire(OutboxWritten.INSTANCE);
        return ids;
    }

    /** Fired when an event was written; observed after commit to wake the relay. */
    public enum OutboxWritten {
        INSTANCE
    }
}
