package uk.police.oversight.notifications.intake;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import uk.police.oversight.common.events.CloudEvent;
import uk.police.oversight.common.events.EventTypes;
import uk.police.oversight.messaging.DeliveryBatches;
import uk.police.oversight.messaging.EventEnvelopes;
import uk.police.oversight.messaging.Inbox;
import uk.police.oversight.notifications.model.Channel;
import uk.police.oversight.notifications.model.NotificationType;
import uk.police.oversight.notifications.model.StaffContact;

/**
 * Turns assurance-service's action reminders into emails to the action's owner: once per (action, kind, due date),
 * however often the event is delivered (inbox, and the notification's dedupe key), like the visit notifications. An
 * owner whose contact details have not arrived yet is retried by the dispatcher as for any other notification.
 */
@ApplicationScoped
public class AssuranceIntake {

    /** The area of a notification about an action whose owner is not (yet) known here. */
    static final String FORCE_WIDE = "FORCE";
    private static final Logger LOG = Logger.getLogger(AssuranceIntake.class);

    @Inject
    EventEnvelopes envelopes;

    @Inject
    Inbox inbox;

    @Inject
    Notifications notifications;

    @Inject
    DeliveryBatches batches;

    /** Each delivery in a transaction shared with the others waiting (DeliveryBatches), acknowledged once committed. */
    @Incoming("assurance-events")
    @Blocking(value = DeliveryBatches.WORKERS, ordered = false)
    public void receive(Object payload) {
        batches.handle("assurance-events", payload, this::apply);
    }

    private void apply(CloudEvent event) {
        if (!inbox.firstDelivery(event.id(), ComplianceIntake.CONSUMER, event.type())) {
            return;
        }
        NotificationType type = switch (event.type()) {
            case EventTypes.ACTION_DUE_SOON -> NotificationType.ACTION_DUE_SOON;
            case EventTypes.ACTION_OVERDUE -> NotificationType.ACTION_OVERDUE;
            default -> null;
        };
        if (type == null) {
            LOG.debugf("Not a notification: %s", event.type());
            return;
        }
        ActionReminderData data = envelopes.data(event, ActionReminderData.class);
        StaffContact owner = StaffContact.findById(data.ownerStaffId());
        String area = owner == null || owner.areaCode == null ? FORCE_WIDE : owner.areaCode;
        notifications.queue(type, Channel.EMAIL, data.ownerStaffId(), area, List.of(), data.dueOn(),
                type + "|" + Channel.EMAIL + "|" + data.ownerStaffId() + "|" + data.actionId() + "|" + data.dueOn(), event);
    }
}
