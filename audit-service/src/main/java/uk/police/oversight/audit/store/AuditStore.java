package uk.police.oversight.audit.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.police.oversight.common.audit.AccessRefusals;
import uk.police.oversight.common.audit.AuditAction;
import uk.police.oversight.common.audit.AuditOutcome;
import uk.police.oversight.common.audit.AuditRecord;
import uk.police.oversight.common.security.Caller;

/**
 * The one store of the audit log of processing (DPA 2018 s.62, docs/domain.md): the entries every service sends
 * ({@link #store}, once each however often they are delivered) and this service's own, the reads of the log itself,
 * which join the read's transaction so that the log is never answered unless the read was written down; a refused
 * attempt is written in a transaction of its own.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AuditStore implements AccessRefusals {

    private static final int MAX_DETAIL = 1000;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    /** Records that the current caller processed the data of these offenders. */
    public void record(AuditAction action, Collection<UUID> offenderIds, String detail) {
        write(action, offenderIds, detail, AuditOutcome.GRANTED);
    }

    /** Records, in a transaction of its own, that the current caller was refused: it outlives the refused request's. */
    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void refused(AuditAction action, Collection<UUID> offenderIds, String detail) {
        write(action, offenderIds, detail, AuditOutcome.REFUSED);
    }

    /** Stores a refusal described in full, in a transaction of its own. */
    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void refused(AuditRecord entry) {
        store(entry);
    }

    private void write(AuditAction action, Collection<UUID> offenderIds, String detail, AuditOutcome outcome) {
        AuditEvent event = new AuditEvent();
        event.at = clock.instant();
        event.actor = caller.subject();
        event.roles = List.copyOf(caller.roles());
        event.action = action;
        event.offenderIds = List.copyOf(offenderIds);
        event.service = service;
        event.requestId = caller.requestId();
        event.justification = outcome == AuditOutcome.REFUSED ? caller.justificationOrNull() : caller.justification();
        event.detail = truncate(detail);
        event.outcome = outcome;
        event.persist();
    }

    /** Stores an entry a service sent; a redelivered entry (same id) is stored once. Answers whether it was new. */
    public boolean store(AuditRecord record) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("insert into audit_event (at, actor, roles, action,"
                        + " offender_ids, service, request_id, justification, detail, source_event_id, outcome)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (source_event_id) do nothing")) {
            insert.setTimestamp(1, Timestamp.from(record.at() == null ? clock.instant() : record.at()));
            insert.setString(2, record.actor());
            insert.setArray(3, connection.createArrayOf("text", (record.roles() == null ? List.of() : record.roles()).toArray()));
            insert.setString(4, record.action().name());
            insert.setArray(5, connection.createArrayOf("uuid",
                    (record.offenderIds() == null ? List.of() : record.offenderIds()).toArray()));
            insert.setString(6, record.service());
            insert.setString(7, record.requestId());
            insert.setString(8, record.justification());
            insert.setString(9, truncate(record.detail()));
            insert.setObject(10, record.id());
            insert.setString(11, (record.outcome() == null ? AuditOutcome.GRANTED : record.outcome()).name());
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store audit entry " + record.id(), e);
        }
    }

    private static String truncate(String detail) {
        return detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL - 1) + "…";
    }
}
