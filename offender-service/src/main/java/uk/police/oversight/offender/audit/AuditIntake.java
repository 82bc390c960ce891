package uk.police.oversight.offender.audit;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import uk.police.oversight.common.audit.AuditRecord;
import uk.police.oversight.common.events.CloudEvent;
import uk.police.oversight.common.events.EventTypes;
import uk.police.oversight.messaging.EventEnvelopes;

/** Stores the audit entries other services send over the broker, once each however often they are delivered. */
@ApplicationScoped
public class AuditIntake {

    private static final Logger LOG = Logger.getLogger(AuditIntake.class);

    @Inject
    AuditLog audit;

    @Inject
    EventEnvelopes envelopes;

    @Incoming("audit")
    @Blocking(ordered = false)
    @Transactional
    public void receive(Object payload) {
        CloudEvent event = envelopes.read(payload);
        if (!EventTypes.AUDIT_RECORDED.equals(event.type())) {
            LOG.warnf("Ignoring event %s of unexpected type %s on the audit address", event.id(), event.type());
            return;
        }
        AuditRecord record = envelopes.data(event, AuditRecord.class);
        audit.store(new AuditRecord(event.id(), record.at(), record.actor(), record.roles(), record.action(),
                record.offenderIds(), record.service(), record.requestId(), record.justification(), record.detail()));
    }
}
