package uk.police.oversight.visits.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import uk.police.oversight.common.events.EventTypes;
import uk.police.oversight.messaging.Outbox;
import uk.police.oversight.visits.events.VisitRecordedData;
import uk.police.oversight.visits.model.OffenderProjection;
import uk.police.oversight.visits.model.Visit;

/** The events visit-scheduler publishes about visits (docs/events.md), through the outbox. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class VisitEvents {

    @Inject
    Outbox outbox;

    public void recorded(Visit visit, OffenderProjection offender) {
        recordedAll(List.of(new Recorded(visit, offender)));
    }

    /** The visit.recorded events of a batch, written to the outbox in one batched statement. */
    public void recordedAll(List<Recorded> recorded) {
        outbox.publishAll(EventTypes.COMPLIANCE_ADDRESS, recorded.stream().map(r -> new Outbox.Pending(EventTypes.VISIT_RECORDED,
                r.visit().offenderId.toString(), new VisitRecordedData(r.visit().id, r.visit().offenderId, r.visit().visitDate,
                r.visit().type.name(), r.visit().outcome.name(), r.offender().areaCode, r.offender().managerId))).toList());
    }

    /** A recorded or changed visit and its offender, for {@link #recordedAll}. */
    public record Recorded(Visit visit, OffenderProjection offender) {
    }
}
