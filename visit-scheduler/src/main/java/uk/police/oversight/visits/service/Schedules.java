package uk.police.oversight.visits.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import uk.police.oversight.common.audit.AuditAction;
import uk.police.oversight.common.problem.ProblemException;
import uk.police.oversight.common.security.Caller;
import uk.police.oversight.messaging.AuditTrail;
import uk.police.oversight.visits.api.ScheduleView;
import uk.police.oversight.visits.compliance.ComplianceRule;
import uk.police.oversight.visits.model.OffenderProjection;
import uk.police.oversight.visits.model.Visit;
import uk.police.oversight.visits.model.VisitPolicyRow;
import uk.police.oversight.visits.projection.OffenderLookup;

/** One offender's schedule, worked out by the pure overdue rule. */
@ApplicationScoped
@Transactional
public class Schedules {

    @Inject
    OffenderLookup lookup;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    @Inject
    Visits visitRecords;

    public ScheduleView of(UUID offenderId, LocalDate asOf) {
        OffenderProjection offender = lookup.find(offenderId)
                .filter(o -> visitRecords.inCallersAreas(o, AuditAction.CONSULT))
                .orElseThrow(() -> ProblemException.notFound("Offender", offenderId));
        List<Visit> visits = Visit.list("offenderId = ?1 and visitDate <= ?2", offenderId, asOf);
        var schedule = ComplianceRule.evaluate(offender.facts(), visits.stream().map(Visit::fact).toList(),
                VisitPolicyRow.current().policy(), asOf);
        audit.record(AuditAction.CONSULT, List.of(offenderId), caller.requestLine());
        return ScheduleView.of(offenderId, schedule);
    }
}
