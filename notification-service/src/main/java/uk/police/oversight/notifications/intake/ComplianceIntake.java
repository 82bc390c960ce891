package uk.police.oversight.notifications.intake;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import uk.police.oversight.common.events.Announcement;
import uk.police.oversight.common.events.CloudEvent;
import uk.police.oversight.common.events.EventTypes;
import uk.police.oversight.messaging.DeliveryBatches;
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
 * Events may arrive in any order (several replicas on both sides): an announcement made before a completed home visit
 * this service has heard of is stale and dropped, and one computed from an older version of the offender's record
 * goes to the offender's manager as of the newest version known ({@link OffenderStates}).
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

    @Inject
    OffenderStates states;

    @Inject
    DeliveryBatches batches;

    /** Each delivery in a transaction shared with the others waiting (DeliveryBatches), acknowledged once committed. */
    @Incoming("compliance-events")
    @Blocking(value = DeliveryBatches.WORKERS, ordered = false)
    public void receive(Object payload) {
        batches.handle("compliance-events", payload, this::apply);
    }

    private void apply(CloudEvent event) {
        if (!inbox.firstDelivery(event.id(), CONSUMER, event.type())) {
            return;
        }
        switch (event.type()) {
            case EventTypes.VISIT_DUE_SOON -> current(event, true).ifPresent(data -> {
                openItems.open(Announcement.DUE_SOON, data);
                toManager(NotificationType.DUE_SOON, data, event);
            });
            case EventTypes.OFFENDER_BECAME_OVERDUE -> current(event, true).ifPresent(data -> {
                openItems.open(Announcement.OVERDUE, data);
                toManager(NotificationType.OVERDUE, data, event);
            });
            case EventTypes.OVERDUE_ESCALATED -> current(event, true).ifPresent(data -> escalate(data, event));
            case EventTypes.RISK_REVIEW_OVERDUE -> current(event, false).ifPresent(data -> openItems.open(Announcement.REVIEW_OVERDUE, data));
            case EventTypes.VISIT_RECORDED -> {
                VisitRecordedData visit = envelopes.data(event, VisitRecordedData.class);
                if ("HOME_VISIT".equals(visit.type()) && "COMPLETED".equals(visit.outcome())) {
                    states.visited(visit.offenderId(), visit.visitDate());
                    openItems.visited(visit.offenderId(), visit.visitDate());
                }
            }
            default -> LOG.debugf("Not a notification: %s", event.type());
        }
    }

    /**
     * The announcement as it stands against what is known of the offender now: empty when it is stale (the offender
     * erased; a completed home visit after the one it was computed from; a newer record that takes them out of
     * scope), else its data with the facts of the newest record known.
     */
    Optional<ComplianceEventData> current(CloudEvent event, boolean aboutVisits) {
        ComplianceEventData data = envelopes.data(event, ComplianceEventData.class);
        Optional<OffenderStates.State> known = states.of(data.offenderId());
        if (known.isEmpty()) {
            states.announced(data, aboutVisits);
            return Optional.of(data);
        }
        OffenderStates.State state = known.get();
        if (state.erased()) {
            return Optional.empty();
        }
        if (aboutVisits && state.lastVisitOn() != null && (data.lastVisitOn() == null || data.lastVisitOn().isBefore(state.lastVisitOn()))) {
            LOG.debugf("Dropped %s about %s: a home visit on %s came after it", event.type(), data.offenderId(), state.lastVisitOn());
            return Optional.empty();
        }
        if (state.version() > data.offenderVersion()) {
            boolean inScope = aboutVisits ? state.inScopeForVisits() : "IN_COMMUNITY".equals(state.status());
            if (state.status() != null && !inScope) {
                LOG.debugf("Dropped %s about %s: a newer record takes them out of scope", event.type(), data.offenderId());
                return Optional.empty();
            }
            return Optional.of(state.managerId() == null ? data : data.withFacts(state));
        }
        states.announced(data, aboutVisits);
        return Optional.of(data);
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
