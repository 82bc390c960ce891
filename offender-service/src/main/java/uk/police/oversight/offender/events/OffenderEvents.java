package uk.police.oversight.offender.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import uk.police.oversight.common.events.EventTypes;
import uk.police.oversight.messaging.Outbox;
import uk.police.oversight.offender.model.Offender;
import uk.police.oversight.offender.model.RiskAssessment;
import uk.police.oversight.offender.model.Staff;

/**
 * The events offender-service publishes (docs/events.md), written to the outbox in the transaction of the change.
 * Each offender event carries the record's version after the change (the entity is flushed first), so consumers
 * can ignore stale or repeated ones.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OffenderEvents {

    @Inject
    Outbox outbox;

    public void registered(Offender offender) {
        publish(EventTypes.OFFENDER_REGISTERED, offender, List.of());
    }

    public void changed(Offender offender, List<String> changedFields) {
        publish(EventTypes.OFFENDER_CHANGED, offender, changedFields);
    }

    /** The current facts of a page of offenders, for a consumer rebuilding its projection, in one batched insert. */
    public void snapshots(List<Offender> offenders, UUID replayId) {
        outbox.publishAll(EventTypes.OFFENDER_ADDRESS, offenders.stream().map(offender -> new Outbox.Pending(
                EventTypes.OFFENDER_SNAPSHOT, offender.id.toString(), facts(offender, List.of(), replayId))).toList());
    }

    /** A replay has published every offender and staff member: what a rebuilding consumer waits for. */
    public void replayCompleted(UUID replayId, long offenders, long staff) {
        outbox.publish(EventTypes.OFFENDER_ADDRESS, EventTypes.OFFENDER_REPLAY_COMPLETED, replayId.toString(),
                new ReplayCompletedData(replayId, offenders, staff));
    }

    public void erased(UUID offenderId) {
        outbox.publish(EventTypes.OFFENDER_ADDRESS, EventTypes.OFFENDER_ERASED, offenderId.toString(),
                new OffenderErasedData(offenderId));
    }

    public void riskAssessmentRecorded(RiskAssessment assessment, boolean current) {
        outbox.publish(EventTypes.OFFENDER_ADDRESS, EventTypes.RISK_ASSESSMENT_RECORDED, assessment.offenderId.toString(),
                new RiskAssessmentData(assessment.offenderId, assessment.id, assessment.assessedOn,
                        assessment.riskLevel.name(), assessment.tool.name(), current));
    }

    public void staffChanged(Staff staff) {
        Staff.getEntityManager().flush();
        outbox.publish(EventTypes.OFFENDER_ADDRESS, EventTypes.STAFF_CHANGED, staff.id.toString(), staff(staff));
    }

    /** Publishes many offender events with one flush (for batches); each pairs an offender with its changed fields. */
    public void publishAll(List<Change> changes) {
        Offender.getEntityManager().flush();
        outbox.publishAll(EventTypes.OFFENDER_ADDRESS, changes.stream().map(change -> new Outbox.Pending(change.type(),
                change.offender().id.toString(), facts(change.offender(), change.changedFields(), null))).toList());
    }

    private void publish(String type, Offender offender, List<String> changed) {
        publishAll(List.of(new Change(type, offender, changed)));
    }

    /** An offender event to publish: its type, the offender after the change, and the fields that changed. */
    public record Change(String type, Offender offender, List<String> changedFields) {

        public static Change registered(Offender offender) {
            return new Change(EventTypes.OFFENDER_REGISTERED, offender, List.of());
        }

        public static Change changed(Offender offender, List<String> changedFields) {
            return new Change(EventTypes.OFFENDER_CHANGED, offender, changedFields);
        }
    }

    /** The facts as of now; {@code replayId} names the replay a snapshot belongs to (null for a change). */
    private static OffenderFactsData facts(Offender o, List<String> changed, UUID replayId) {
        return new OffenderFactsData(o.id, o.version, o.pncId, o.firstName + " " + o.lastName, o.riskLevel.name(),
                o.managementMode.name(), o.status.name(), o.statusSince, o.areaCode, o.managerId, o.registeredOn,
                o.notificationEndsOn, o.visitIntervalMonths, o.lastRiskAssessmentOn, changed, replayId);
    }

    private static StaffData staff(Staff s) {
        return new StaffData(s.id, s.version, s.staffNumber, s.name, s.email, s.role.name(), s.areaCode, s.active);
    }
}
