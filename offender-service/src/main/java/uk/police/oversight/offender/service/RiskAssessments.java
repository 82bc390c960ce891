package uk.police.oversight.offender.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import uk.police.oversight.common.audit.AuditAction;
import uk.police.oversight.common.problem.ProblemException;
import uk.police.oversight.common.security.Caller;
import uk.police.oversight.offender.api.RiskAssessmentRequest;
import uk.police.oversight.offender.api.RiskAssessmentView;
import uk.police.oversight.messaging.AuditTrail;
import uk.police.oversight.offender.events.OffenderEvents;
import uk.police.oversight.offender.model.HistoryEntry;
import uk.police.oversight.offender.model.Offender;
import uk.police.oversight.offender.model.RiskAssessment;

/** Risk assessments: the newest sets the offender's risk level and last assessment date. */
@ApplicationScoped
@Transactional
public class RiskAssessments {

    @Inject
    Offenders offenders;

    @Inject
    OffenderHistory history;

    @Inject
    AuditTrail audit;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    OffenderEvents events;

    public RiskAssessment record(UUID offenderId, RiskAssessmentRequest request) {
        Offender offender = offenders.visible(offenderId, LockModeType.PESSIMISTIC_WRITE);
        if (request.assessedOn().isAfter(LocalDate.now(clock))) {
            throw ProblemException.invalid("assessedOn", "must not be in the future");
        }
        if (request.assessedOn().isBefore(offender.dateOfBirth)) {
            throw ProblemException.invalid("assessedOn", "must not be before the offender's date of birth");
        }
        RiskAssessment assessment = new RiskAssessment();
        assessment.id = UUID.randomUUID();
        assessment.offenderId = offender.id;
        assessment.assessedOn = request.assessedOn();
        assessment.riskLevel = request.riskLevel();
        assessment.tool = request.tool();
        assessment.notes = request.notes();
        assessment.recordedBy = caller.subject();
        assessment.recordedAt = clock.instant();
        assessment.persist();
        // An assessment older than the latest one is kept as history but does not set the current risk.
        boolean newest = offender.lastRiskAssessmentOn == null || !request.assessedOn().isBefore(offender.lastRiskAssessmentOn);
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        if (newest) {
            before.put("riskLevel", offender.riskLevel.name());
            before.put("lastRiskAssessmentOn", text(offender.lastRiskAssessmentOn));
            offender.riskLevel = request.riskLevel();
            offender.lastRiskAssessmentOn = request.assessedOn();
            offender.updatedAt = clock.instant();
        }
        after.put("riskLevel", request.riskLevel().name());
        after.put("assessedOn", request.assessedOn().toString());
        after.put("tool", request.tool().name());
        after.put("current", newest);
        history.record(offender.id, HistoryEntry.Change.RISK_ASSESSED, before, after);
        if (newest) {
            events.changed(offender, List.of("riskLevel", "lastRiskAssessmentOn"));
        }
        events.riskAssessmentRecorded(assessment, newest);
        audit.record(AuditAction.ALTER, offender.id, caller.requestLine());
        return assessment;
    }

    public List<RiskAssessmentView> of(UUID offenderId) {
        Offender offender = offenders.visible(offenderId, LockModeType.NONE);
        List<RiskAssessmentView> assessments = RiskAssessment.<RiskAssessment>list(
                "offenderId = ?1 order by assessedOn desc, recordedAt desc", offender.id).stream().map(Views::of).toList();
        audit.record(AuditAction.CONSULT, offender.id, caller.requestLine());
        return assessments;
    }

    public RiskAssessmentView one(UUID offenderId, UUID assessmentId) {
        Offender offender = offenders.visible(offenderId, LockModeType.NONE);
        RiskAssessment assessment = RiskAssessment.<RiskAssessment>find("id = ?1 and offenderId = ?2", assessmentId, offender.id)
                .firstResultOptional().orElseThrow(() -> ProblemException.notFound("Risk assessment", assessmentId));
        audit.record(AuditAction.CONSULT, offender.id, caller.requestLine());
        return Views.of(assessment);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
