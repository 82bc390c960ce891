package uk.police.oversight.offender.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
                EventTypes.OFFENDER_SNAPSHOT, offender.id.toString(), OffenderFactsData.of(offender, List.of(), replayId))).toList());
    }

    /** A replay has published every offender and staff member: what a rebuilding consumer waits for. */
    public void replayCompleted(UUID replayId, long offenders, long staff) {
        outbox.publish(EventTypes.OFFENDER_ADDRESS, EventTypes.OFFENDER_REPLAY_COMPLETED, replayId.toString(),
                Map.of("replayId", replayId, "offenders", offenders, "staff", staff));
    }

    public void erased(UUID offenderId) {
        outbox.publish(EventTypes.OFFENDER_ADDRESS, EventTypes.OFFENDER_ERASED, offenderId.toString(),
                Map.of("offenderId", offenderId));
    }

    public void riskAssessmentRecorded(RiskAssessment assessment, boolean current) {
        outbox.publish(EventTypes.OFFENDER_ADDRESS, EventTypes.RISK_ASSESSMENT_RECORDED, assessment.offenderId.toString(),
                new RiskAssessmentData(assessment.offenderId, assessment.id, assessment.assessedOn,
                        assessment.riskLevel.name(), assessment.tool.name(), current));
    }

    public void staffChanged(Staff staff) {
        Staff.getEntityManager().flush();
        outbox.publish(EventTypes.OFFENDER_ADDRESS, EventTypes.STAFF_CHANGED, staff.id.toString(), StaffData.of(staff));
    }

    /** Publishes many offender events with one flush (for batches); each pairs an offender with its changed fields. */
    public void publishAll(List<Change> changes) {
        Offender.getEntityManager().flush();
        outbox.publishAll(EventTypes.OFFENDER_ADDRESS, changes.stream().map(change -> new Outbox.Pending(change.type(),
                change.offender().id.toString(), OffenderFactsData.of(change.offender(), change.changedFields()))).toList());
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

    /** The payload of offender.risk-assessment-recorded. */
    public record RiskAssessmentData(UUID offenderId, UUID assessmentId, LocalDate assessedOn, String riskLevel,
            String tool, boolean current) {
    }
}
