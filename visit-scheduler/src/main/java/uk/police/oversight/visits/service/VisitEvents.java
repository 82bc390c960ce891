package uk.police.oversight.visits.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.UUID;
import uk.police.oversight.common.events.EventTypes;
import uk.police.oversight.messaging.Outbox;
import uk.police.oversight.visits.model.OffenderProjection;
import uk.police.oversight.visits.model.Visit;

/** The events visit-scheduler publishes about visits (docs/events.md), through the outbox. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class VisitEvents {

    @Inject
    Outbox outbox;

    public void recorded(Visit visit, OffenderProjection offender) {
        outbox.publish(EventTypes.COMPLIANCE_ADDRESS, EventTypes.VISIT_RECORDED, visit.offenderId.toString(),
                new VisitRecordedData(visit.id, visit.offenderId, visit.visitDate, visit.type.name(), visit.outcome.name(),
                        offender.areaCode, offender.managerId));
    }

    /** The payload of visit.recorded. */
    public record VisitRecordedData(UUID visitId, UUID offenderId, LocalDate visitDate, String type, String outcome,
            String areaCode, UUID managerId) {
    }
}
