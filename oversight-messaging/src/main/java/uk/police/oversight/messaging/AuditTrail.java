package uk.police.oversight.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import io.quarkus.arc.DefaultBean;
import uk.police.oversight.common.audit.AccessRefusals;
import uk.police.oversight.common.audit.AuditAction;
import uk.police.oversight.common.audit.AuditOutcome;
import uk.police.oversight.common.audit.AuditRecord;
import uk.police.oversight.common.events.EventTypes;
import uk.police.oversight.common.security.Caller;

/**
 * Sends this service's audit entries to the one audit store, audit-service, through the outbox: an entry joins the
 * transaction of what it records, so that an alteration and its entry commit or roll back together and a consultation
 * is never answered unless its entry is kept, and it is lost neither when the broker is down nor when a service
 * restarts. Each service sends on an address of its own ({@code oversight.audit.<service>}), which the broker lets no
 * other service send to.
 */
@ApplicationScoped
@DefaultBean
@Transactional(Transactional.TxType.MANDATORY)
public class AuditTrail implements AccessRefusals {

    @Inject
    Outbox outbox;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    /** Records that the current caller processed the data of these offenders. */
    public void record(AuditAction action, Collection<UUID> offenderIds, String detail) {
        record(AuditRecord.granted(clock.instant(), caller.subject(), List.copyOf(caller.roles()), action,
                List.copyOf(offenderIds), service, caller.requestId(), caller.justification(), detail));
    }

    public void record(AuditAction action, UUID offenderId, String detail) {
        record(action, List.of(offenderId), detail);
    }

    /** Records, in a transaction of its own (the refused request's rolls back), that the current caller was refused. */
    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void refused(AuditAction action, Collection<UUID> offenderIds, String detail) {
        record(new AuditRecord(null, clock.instant(), caller.subject(), List.copyOf(caller.roles()), action,
                List.copyOf(offenderIds), service, caller.requestId(), caller.justificationOrNull(), detail, AuditOutcome.REFUSED));
    }

    /** Sends a refusal described in full, in a transaction of its own. */
    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void refused(AuditRecord entry) {
        record(entry);
    }

    /** Records processing done by the service itself (a scheduled disclosure, say), not on a caller's behalf. */
    public void record(AuditRecord entry) {
        outbox.publish(EventTypes.auditAddressOf(service), EventTypes.AUDIT_RECORDED, null, entry);
    }
}
