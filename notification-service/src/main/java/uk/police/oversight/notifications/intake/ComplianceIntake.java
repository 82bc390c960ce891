package uk.police.oversight.notifications.intake;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import uk.police.oversight.common.events.CloudEvent;
import uk.police.oversight.common.events.EventTypes;
import uk.police.oversight.messaging.EventEnvelopes;
import uk.police.oversight.messaging.Inbox;
import uk.police.oversight.notifications.model.Channel;
import uk.police.oversight.notifications.model.NotificationType;
import uk.police.oversight.notifications.model.StaffContact;
import uk.police.oversight.notifications.model.WebhookSubscription;

/**
 * Turns visit-scheduler's compliance events into notifications: due soon and overdue to the offender's manager,
 * escalations to the area's supervisors, each also to the force systems that subscribed; and keeps each manager's
 * open items for the daily digest. A redelivered event adds nothing (inbox, and one notification per dedupe key).
 * Events are handled in the order visit-scheduler published them.
 */
@ApplicationScoped
public class ComplianceIntake {

    static final String CONSUMER = "notification-service";
    private static final Logger LOG = Logger.getLogger(ComplianceIntake.class);

    @Inject
    EventEnvelopes envelopes;

    @Inject
    Inbox inbox;

    @Inject
    Notifications notifications;

    @Inject
    OpenItems openItems;

    @Incoming("compliance-events")
    @Blocking // in order: a visit that resolves an item must not be applied before the announcement it resolves
    @Transactional
    public void receive(Object payload) {
        CloudEvent event = envelopes.read(payload);
        if (!inbox.firstDelivery(event.id(), CONSUMER, event.type())) {
            return;
        }
        switch (event.type()) {
            case EventTypes.VISIT_DUE_SOON -> {
                ComplianceEventData data = envelopes.data(event, ComplianceEventData.class);
                openItems.open(OpenItems.Kind.DUE_SOON, data);
                toManager(NotificationType.DUE_SOON, data, event);
            }
            case EventTypes.OFFENDER_BECAME_OVERDUE -> {
                ComplianceEventData data = envelopes.data(event, ComplianceEventData.class);
                openItems.open(OpenItems.Kind.OVERDUE, data);
                toManager(NotificationType.OVERDUE, data, event);
            }
            case EventTypes.OVERDUE_ESCALATED -> escalate(envelopes.data(event, ComplianceEventData.class), event);
            case EventTypes.RISK_REVIEW_OVERDUE ->
                    openItems.open(OpenItems.Kind.REVIEW_OVERDUE, envelopes.data(event, ComplianceEventData.class));
            case EventTypes.VISIT_RECORDED -> {
                VisitRecordedData visit = envelopes.data(event, VisitRecordedData.class);
                if ("HOME_VISIT".equals(visit.type()) && "COMPLETED".equals(visit.outcome())) {
                    openItems.visited(visit.offenderId(), visit.visitDate());
                }
            }
            default -> LOG.debugf("Not a notification: %s", event.type());
        }
    }

    private void toManager(NotificationType type, ComplianceEventData data, CloudEvent event) {
        notifications.queue(type, Channel.EMAIL, data.managerId(), data.areaCode(), List.of(data.offenderId()), data.dueOn(),
                key(type, Channel.EMAIL, data.managerId().toString(), data), event);
        toSubscribers(type, data, event);
    }

    /** Escalations go to every active supervisor of the offender's area; an area without one is logged as a failure. */
    private void escalate(ComplianceEventData data, CloudEvent event) {
        List<StaffContact> supervisors = StaffContact.supervisorsOf(data.areaCode());
        if (supervisors.isEmpty()) {
            LOG.warnf("No active supervisor known in area %s to escalate offender %s to", data.areaCode(), data.offenderId());
        }
        for (StaffContact supervisor : supervisors) {
            notifications.queue(NotificationType.ESCALATION, Channel.EMAIL, supervisor.staffId, data.areaCode(),
                    List.of(data.offenderId()), data.dueOn(),
                    key(NotificationType.ESCALATION, Channel.EMAIL, supervisor.staffId.toString(), data), event);
        }
        toSubscribers(NotificationType.ESCALATION, data, event);
    }

    private void toSubscribers(NotificationType type, ComplianceEventData data, CloudEvent event) {
        for (WebhookSubscription subscription : WebhookSubscription.activeFor(type)) {
            notifications.queue(type, Channel.WEBHOOK, subscription.id, data.areaCode(), List.of(data.offenderId()),
                    data.dueOn(), key(type, Channel.WEBHOOK, subscription.id.toString(), data), event);
        }
    }

    private static String key(NotificationType type, Channel channel, String recipient, ComplianceEventData data) {
        return type + "|" + channel + "|" + recipient + "|" + data.offenderId() + "|" + data.dueOn();
    }
}
