package uk.police.oversight.assurance.action;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jboss.logging.Logger;
import uk.police.oversight.assurance.events.ActionReminderData;
import uk.police.oversight.common.events.EventTypes;
import uk.police.oversight.messaging.Outbox;

/**
 * Tells the owners of open actions, through notification-service, 14 days before an action falls due and when its due
 * date has passed: each (action, kind, due date) once, however often the job runs or on how many replicas (the
 * action_reminder table's key), so that a changed due date is reminded of again.
 */
@ApplicationScoped
public class ActionReminders {

    public static final int DUE_SOON_DAYS = 14;
    private static final Logger LOG = Logger.getLogger(ActionReminders.class);

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** What one run announced. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ActionRemindersRun", requiredProperties = {"dueSoon", "overdue"})
    public record Reminded(
            @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "Owners told an action falls due within 14 days") int dueSoon,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "Owners told an action is past its due date") int overdue) {
    }

    @Scheduled(identity = "action-reminders", cron = "${oversight.assurance.action-reminder-cron}", timeZone = "Europe/London",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        Reminded reminded = remind(LocalDate.now(clock));
        LOG.infof("Action reminders: %d due soon, %d overdue", reminded.dueSoon(), reminded.overdue());
    }

    @Transactional
    public Reminded remind(LocalDate today) {
        List<TrackedAction> open = TrackedAction.list("status <> ?1 and ownerStaffId is not null and dueOn <= ?2",
                ActionStatus.CLOSED, today.plusDays(DUE_SOON_DAYS));
        int dueSoon = 0;
        int overdue = 0;
        for (TrackedAction a : open) {
            boolean late = a.dueOn.isBefore(today);
            String kind = late ? "OVERDUE" : "DUE_SOON";
            int inserted = em.createNativeQuery("""
                    insert into action_reminder (action_id, kind, due_on, announced_at) values (?1, ?2, ?3, ?4)
                    on conflict do nothing""").setParameter(1, a.id).setParameter(2, kind).setParameter(3, a.dueOn)
                    .setParameter(4, clock.instant()).executeUpdate();
            if (inserted == 1) {
                outbox.publish(EventTypes.ASSURANCE_ADDRESS, late ? EventTypes.ACTION_OVERDUE : EventTypes.ACTION_DUE_SOON,
                        a.id.toString(), new ActionReminderData(a.id, a.reference, a.title, a.ownerStaffId, a.dueOn, a.status.name()));
                if (late) {
                    overdue++;
                } else {
                    dueSoon++;
                }
            }
        }
        return new Reminded(dueSoon, overdue);
    }
}
