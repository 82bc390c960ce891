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

    /** Queues an event for {@code destination} (a broker address); returns the event's id. */
    public UUID publish(String destination, String type, String subject, Object data) {
        UUID id = UUID.randomUUID();
        CloudEvent event = CloudEvent.of(id, "/" + source, type, subject, clock.instant(), objectMapper.valueToTree(data));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into outbox_event (id, destination, type, subject, payload) values (?, ?, ?, ?, ?)")) {
            insert.setObject(1, id);
            insert.setString(2, destination);
            insert.setString(3, type);
            insert.setString(4, subject);
            insert.setString(5, objectMapper.writeValueAsString(event));
            insert.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Could not write event " + type + " to the outbox", e);
        }
        written.fire(OutboxWritten.INSTANCE);
        return id;
    }

    /** Fired when an event was written; observed after commit to wake the relay. */
    public enum OutboxWritten {
        INSTANCE
    }
}
