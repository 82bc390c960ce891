package uk.police.oversight.offender.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.police.oversight.common.audit.AuditAction;
import uk.police.oversight.common.audit.AuditRecord;
import uk.police.oversight.common.security.Caller;

/**
 * Writes the audit log of processing (DPA 2018 s.62). Entries join the caller's transaction, so an alteration and its
 * audit entry commit or roll back together, and a consultation is never answered unless its entry was written.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AuditLog {

    private static final int MAX_DETAIL = 1000;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    /** Records that the current caller processed the data of these offenders. */
    public void record(AuditAction action, Collection<UUID> offenderIds, String detail) {
        AuditEvent event = new AuditEvent();
        event.at = clock.instant();
        event.actor = caller.subject();
        event.roles = List.copyOf(caller.roles());
        event.action = action;
        event.offenderIds = List.copyOf(offenderIds);
        event.service = service;
        event.requestId = caller.requestId();
        event.justification = caller.justification();
        event.detail = truncate(detail);
        event.persist();
    }

    public void record(AuditAction action, UUID offenderId, String detail) {
        record(action, List.of(offenderId), detail);
    }

    /** Stores an entry produced by another service; a redelivered entry (same id) is stored once. */
    public boolean store(AuditRecord record) {
        if (record.id() != null && AuditEvent.count("sourceEventId", record.id()) > 0) {
            return false;
        }
        AuditEvent event = new AuditEvent();
        event.at = record.at() == null ? clock.instant() : record.at();
        event.actor = record.actor();
        event.roles = record.roles() == null ? List.of() : List.copyOf(record.roles());
        event.action = record.action();
        event.offenderIds = record.offenderIds() == null ? List.of() : List.copyOf(record.offenderIds());
        event.service = record.service();
        event.requestId = record.requestId();
        event.justification = record.justification();
        event.detail = truncate(record.detail());
        event.sourceEventId = record.id();
        event.persist();
        return true;
    }

    private static String truncate(String detail) {
        return detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL - 1) + "…";
    }
}
