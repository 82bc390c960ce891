package uk.police.oversight.notifications.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import uk.police.oversight.notifications.model.Channel;
import uk.police.oversight.notifications.model.NotificationType;

/**
 * Puts notifications in the delivery log as PENDING, once each: a notification whose dedupe key exists already (the
 * same event redelivered, the scan or digest run again) is not added twice.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Notifications {

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    Event<Queued> queued;

    /** Fired when a notification was added; observed after commit to wake the dispatcher. */
    public enum Queued {
        INSTANCE
    }

    /** Adds a notification unless one with the same key exists; answers whether it was added. */
    public boolean queue(NotificationType type, Channel channel, UUID recipientId, String areaCode, List<UUID> offenderIds,
            LocalDate dueOn, String dedupeKey, Object payload) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("insert into notification (id, type, channel,"
                        + " recipient_id, area_code, offender_ids, due_on, status, payload, dedupe_key, traceparent)"
                        + " values (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?) on conflict (dedupe_key) do nothing")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, type.name());
            insert.setString(3, channel.name());
            insert.setObject(4, recipientId);
            insert.setString(5, areaCode);
            insert.setArray(6, connection.createArrayOf("uuid", offenderIds.toArray()));
            insert.setObject(7, dueOn);
            insert.setString(8, payload instanceof String text ? text : objectMapper.writeValueAsString(payload));
            insert.setString(9, dedupeKey);
            // The delivery, later and on the dispatcher's thread, joins the trace of what queued it.
            insert.setString(10, uk.police.oversight.common.tracing.TraceContext.traceparent());
            boolean added = insert.executeUpdate() == 1;
            if (added) {
                queued.fire(Queued.INSTANCE);
            }
            return added;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Could not queue a " + type + " notification", e);
        }
    }
}
