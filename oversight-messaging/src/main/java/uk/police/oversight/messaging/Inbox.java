package uk.police.oversight.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Remembers which events a consumer has handled, in the same transaction as their effect, so that a redelivered event
 * changes nothing twice. Counts the repeats it skips ({@code oversight.inbox.duplicates.skipped}, by consumer and type).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Inbox {

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry registry;

    /** True the first time this consumer sees the event; false for a redelivery. */
    public boolean firstDelivery(UUID eventId, String consumer, String type) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into inbox_event (event_id, consumer, type) values (?, ?, ?) on conflict do nothing")) {
            insert.setObject(1, eventId);
            insert.setString(2, consumer);
            insert.setString(3, type);
            if (insert.executeUpdate() == 1) {
                return true;
            }
            Counter.builder("oversight.inbox.duplicates.skipped").description("Redelivered events a consumer ignored")
                    .tag("consumer", consumer).tag("type", type == null ? "" : type).register(registry).increment();
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record event " + eventId + " in the inbox", e);
        }
    }
}
