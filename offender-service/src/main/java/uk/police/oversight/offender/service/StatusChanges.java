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
import uk.police.oversight.offender.api.StatusChangeRequest;
import uk.police.oversight.offender.api.StatusChangeView;
import uk.police.oversight.messaging.AuditTrail;
import uk.police.oversight.offender.events.OffenderEvents;
import uk.police.oversight.offender.model.HistoryEntry;
import uk.police.oversight.offender.model.Offender;
import uk.police.oversight.offender.model.StatusChange;

/** Status changes (custody, hospital, return to the community, …): each sets the offender's status and statusSince. */
@ApplicationScoped
@Transactional
public class StatusChanges {

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

    public StatusChange record(UUID offenderId, StatusChangeRequest request) {
        Offender offender = offenders.visible(offenderId, LockModeType.PESSIMISTIC_WRITE);
        if (request.effectiveOn().isAfter(LocalDate.now(clock))) {
            throw ProblemException.invalid("effectiveOn", "must not be in the future");
        }
        if (request.effectiveOn().isBefore(offender.statusSince)) {
            throw ProblemException.invalid("effectiveOn", "must not be before the current status began ("
                    + offender.statusSince + ")");
        }
        if (request.status() == offender.status) {
            throw ProblemException.invalid("status", "is already " + offender.status);
        }
        StatusChange change = new StatusChange();
        change.id = UUID.randomUUID();
        change.offenderId = offender.id;
        change.status = request.status();
        change.previousStatus = offender.status;
        change.effectiveOn = request.effectiveOn();
        change.reason = request.reason().strip();
        change.recordedBy = caller.subject();
        change.recordedAt = clock.instant();
        change.persist();
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("status", offender.status.name());
        before.put("statusSince", offender.statusSince.toString());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", request.status().name());
        after.put("statusSince", request.effectiveOn().toString());
        after.put("reason", change.reason);
        offender.status = request.status();
        offender.statusSince = request.effectiveOn();
        offender.updatedAt = clock.instant();
        history.record(offender.id, HistoryEntry.Change.STATUS_CHANGED, before, after);
        events.changed(offender, List.of("status", "statusSince"));
        audit.record(AuditAction.ALTER, offender.id, caller.requestLine());
        return change;
    }

    public List<StatusChangeView> of(UUID offenderId) {
        Offender offender = offenders.visible(offenderId, LockModeType.NONE);
        List<StatusChangeView> changes = StatusChange.<StatusChange>list(
                "offenderId = ?1 order by effectiveOn desc, recordedAt desc", offender.id).stream().map(Views::of).toList();
        audit.record(AuditAction.CONSULT, offender.id, caller.requestLine());
        return changes;
    }

    public StatusChangeView one(UUID offenderId, UUID changeId) {
        Offender offender = offenders.visible(offenderId, LockModeType.NONE);
        StatusChange change = StatusChange.<StatusChange>find("id = ?1 and offenderId = ?2", changeId, offender.id)
                .firstResultOptional().orElseThrow(() -> ProblemException.notFound("Status change", changeId));
        audit.record(AuditAction.CONSULT, offender.id, caller.requestLine());
        return Views.of(change);
    }
}
