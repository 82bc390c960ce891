package uk.police.oversight.audit.intake;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import uk.police.oversight.common.audit.AuditRecord;
import uk.police.oversight.common.events.CloudEvent;
import uk.police.oversight.common.events.EventTypes;
import uk.police.oversight.audit.store.AuditStore;
import uk.police.oversight.messaging.DeliveryBatches;
import uk.police.oversight.messaging.EventEnvelopes;

/**
 * Stores the audit entries every service sends over the broker, once each however often they are delivered. Each
 * service sends on an address of its own that the broker lets only that service send to, so the address says who
 * sent an entry: one that claims to come from another service is refused (and, failing, goes to the dead letters).
 */
@ApplicationScoped
public class AuditIntake {

    private static final Logger LOG = Logger.getLogger(AuditIntake.class);
    /** The services that sent to the shared address of earlier versions; what is still on it is drained. */
    private static final Set<String> EARLIER_SENDERS = Set.of("visit-scheduler", "notification-service");

    @Inject
    AuditStore audit;

    @Inject
    EventEnvelopes envelopes;

    @Inject
    DeliveryBatches batches;

    @Incoming("audit-offender-service")
    @Blocking(value = DeliveryBatches.WORKERS, ordered = false)
    public void fromOffenderService(Object payload) {
        store("audit-offender-service", payload, Set.of("offender-service"));
    }

    @Incoming("audit-visit-scheduler")
    @Blocking(value = DeliveryBatches.WORKERS, ordered = false)
    public void fromVisitScheduler(Object payload) {
        store("audit-visit-scheduler", payload, Set.of("visit-scheduler"));
    }

    @Incoming("audit-notification-service")
    @Blocking(value = DeliveryBatches.WORKERS, ordered = false)
    public void fromNotificationService(Object payload) {
        store("audit-notification-service", payload, Set.of("notification-service"));
    }

    @Incoming("audit-assurance-service")
    @Blocking(value = DeliveryBatches.WORKERS, ordered = false)
    public void fromAssuranceService(Object payload) {
        store("audit-assurance-service", payload, Set.of("assurance-service"));
    }

    /** Entries left on the shared address by a version before per-service addresses (nobody may send to it now). */
    @Incoming("audit")
    @Blocking(value = DeliveryBatches.WORKERS, ordered = false)
    public void fromEarlierVersions(Object payload) {
        store("audit", payload, EARLIER_SENDERS);
    }

    /** Each delivery in a transaction shared with the others waiting on its address (DeliveryBatches), acknowledged once committed. */
    private void store(String channel, Object payload, Set<String> senders) {
        batches.handle(channel, payload, event -> store(event, senders));
    }

    private void store(CloudEvent event, Set<String> senders) {
        if (!EventTypes.AUDIT_RECORDED.equals(event.type())) {
            LOG.warnf("Ignoring event %s of unexpected type %s on an audit address", event.id(), event.type());
            return;
        }
        AuditRecord record = envelopes.data(event, AuditRecord.class);
        if (record.service() == null || !senders.contains(record.service())) {
            LOG.errorf("Refused audit entry %s: it claims to come from %s but arrived on the address of %s", event.id(),
                    record.service(), senders);
            throw new IllegalArgumentException("Audit entry " + event.id() + " does not come from the service it names");
        }
        audit.store(new AuditRecord(event.id(), record.at(), record.actor(), record.roles(), record.action(),
                record.offenderIds(), record.service(), record.requestId(), record.justification(), record.detail(),
                record.outcome()));
    }
}
