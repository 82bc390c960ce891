package uk.police.oversight.offender.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import uk.police.oversight.common.audit.AuditAction;
import uk.police.oversight.common.problem.FieldError;
import uk.police.oversight.common.problem.ProblemException;
import uk.police.oversight.common.security.Caller;
import uk.police.oversight.common.web.ETags;
import uk.police.oversight.common.web.MergePatch;
import uk.police.oversight.common.web.Page;
import uk.police.oversight.common.web.PageRequest;
import uk.police.oversight.offender.api.HistoryEntryView;
import uk.police.oversight.offender.api.OffenderRequest;
import uk.police.oversight.offender.api.OffenderView;
import uk.police.oversight.messaging.AuditTrail;
import uk.police.oversight.offender.events.OffenderEvents;
import uk.police.oversight.offender.model.HistoryEntry;
import uk.police.oversight.offender.model.ManagementMode;
import uk.police.oversight.offender.model.Offender;
import uk.police.oversight.offender.model.OffenderStatus;
import uk.police.oversight.common.pnc.PncId;
import uk.police.oversight.common.query.Conditions;
import uk.police.oversight.offender.model.RiskLevel;
import uk.police.oversight.offender.model.Staff;

/**
 * The register of offenders: registration, reading (always audited), merge-patching and erasure, confined to the
 * caller's areas. An offender outside them is answered exactly like one that does not exist.
 */
@ApplicationScoped
@Transactional
public class Offenders {

    /** Sort fields the offender list allows, mapped to entity paths. */
    public static final Map<String, String> SORTABLE = Map.of(
            "lastName", "lastName",
            "firstName", "firstName",
            "pncId", "pncId",
            "dateOfBirth", "dateOfBirth",
            "registeredOn", "registeredOn",
            "updatedAt", "updatedAt");

    /** Fields a merge patch may not change, and where their changes are made instead. */
    private static final Map<String, String> NOT_PATCHABLE = Map.of(
            "pncId", "the PNC id identifies the record; register a new offender instead",
            "riskLevel", "record a risk assessment: POST /api/v1/offenders/{id}/risk-assessments",
            "lastRiskAssessmentOn", "record a risk assessment: POST /api/v1/offenders/{id}/risk-assessments",
            "status", "record a status change: POST /api/v1/offenders/{id}/status-changes",
            "statusSince", "record a status change: POST /api/v1/offenders/{id}/status-changes");

    @Inject
    Caller caller;

    @Inject
    OffenderRules rules;

    @Inject
    OffenderHistory history;

    @Inject
    AuditTrail audit;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    Clock clock;

    @Inject
    OffenderEvents events;

    /** Filters of the offender list; any may be null. */
    public record Filter(String areaCode, UUID managerId, RiskLevel riskLevel, OffenderStatus status, String q) {
    }

    public Offender register(OffenderRequest request) {
        OffenderRules.Outcome outcome = rules.check(request, References.load(), null);
        if (!outcome.valid()) {
            throw ProblemException.invalid(outcome.problems());
        }
        OffenderDetails facts = outcome.facts();
        Optional<Offender> holder = Offender.<Offender>find("pncId", facts.pncId()).firstResultOptional();
        if (holder.isPresent()) {
            // A PNC id is unique in the force, so a register cannot deny that one is taken; it says the same whatever
            // the area, and nothing of the record (docs/api.md). An attempt on another area's record is logged.
            if (!caller.canSeeArea(holder.get().areaCode)) {
                audit.refused(AuditAction.COLLECT, List.of(holder.get().id), caller.requestLine() + ": PNC id held outside the caller's areas");
            }
            throw ProblemException.conflict("An offender with PNC id " + facts.pncId() + " is already registered in this force");
        }
        Offender offender = create(facts);
        events.registered(offender);
        audit.record(AuditAction.COLLECT, offender.id, caller.requestLine());
        return offender;
    }

    /** Persists a new offender with its registration in the history (no event: callers publish); shared with the batch. */
    Offender create(OffenderDetails facts) {
        Offender offender = new Offender();
        offender.id = UUID.randomUUID();
        facts.applyTo(offender);
        offender.createdAt = clock.instant();
        offender.updatedAt = offender.createdAt;
        offender.persist();
        history.record(offender.id, HistoryEntry.Change.REGISTERED, null, facts.asFields());
        return offender;
    }

    /**
     * Applies new facts to a stored offender, recording the change in the history; answers the changed fields (empty
     * when nothing changed). No event: callers publish. Shared with the batch upsert.
     */
    List<String> update(Offender offender, OffenderDetails facts, HistoryEntry.Change change) {
        OffenderDetails.Change diff = facts.changesFrom(OffenderDetails.of(offender));
        if (diff.isEmpty()) {
            return List.of();
        }
        facts.applyTo(offender);
        offender.updatedAt = clock.instant();
        history.record(offender.id, change, diff.before(), diff.after());
        return List.copyOf(diff.after().keySet());
    }

    /** Reads one offender and records the consultation. */
    public Offender consult(UUID id) {
        Offender offender = visible(id, LockModeType.NONE);
        audit.record(AuditAction.CONSULT, offender.id, caller.requestLine());
        return offender;
    }

    /** An offender's history of changes, oldest first; reading it is a consultation. */
    public List<HistoryEntryView> history(UUID id) {
        Offender offender = visible(id, LockModeType.NONE);
        List<HistoryEntryView> entries = history.of(offender.id);
        audit.record(AuditAction.CONSULT, offender.id, caller.requestLine());
        return entries;
    }

    /** Looks an offender up by PNC id in any accepted form and records the consultation. */
    public Offender consultByPnc(String pncId) {
        PncId.Result parsed = PncId.parse(pncId, java.time.LocalDate.now(clock).getYear());
        if (!parsed.valid()) {
            // Not a PNC id at all is a malformed parameter (400); one with a wrong year or check letter is invalid (422).
            throw parsed.wellFormed() ? ProblemException.invalid("pncId", parsed.problem())
                    : ProblemException.badRequest("pncId", parsed.problem());
        }
        String canonical = parsed.pncId().get().canonical();
        Offender offender = inCallersAreas(Offender.<Offender>find("pncId", canonical).firstResultOptional(), AuditAction.CONSULT)
                .orElseThrow(() -> ProblemException.notFound("Offender with PNC id", canonical));
        audit.record(AuditAction.CONSULT, offender.id, caller.requestLine());
        return offender;
    }

    /** An offender the caller may see (404 otherwise), optionally locked for update. */
    public Offender visible(UUID id, LockModeType lock) {
        Optional<Offender> found = Offender.findByIdOptional(id, lock);
        return inCallersAreas(found, lock == LockModeType.NONE ? AuditAction.CONSULT : AuditAction.ALTER)
                .orElseThrow(() -> ProblemException.notFound("Offender", id));
    }

    /**
     * The offender if the caller may see them; an offender outside the caller's areas is answered exactly like an
     * unknown one, and the attempt is kept in the audit log as refused.
     */
    private Optional<Offender> inCallersAreas(Optional<Offender> found, AuditAction attempted) {
        if (found.isPresent() && !caller.canSeeArea(found.get().areaCode)) {
            audit.refused(attempted, List.of(found.get().id), caller.requestLine() + ": outside the caller's areas");
            return Optional.empty();
        }
        return found;
    }

    public Page<OffenderView> list(Filter filter, PageRequest page) {
        Conditions where = Conditions.withinAreas(caller.areaRestriction(), "areaCode in :callerAreas")
                .and("areaCode = :areaCode", "areaCode", filter.areaCode())
                .and("managerId = :managerId", "managerId", filter.managerId())
                .and("riskLevel = :riskLevel", "riskLevel", filter.riskLevel())
                .and("status = :status", "status", filter.status());
        if (filter.q() != null && !filter.q().isBlank()) {
            String q = filter.q().strip();
            PncId.Result pnc = PncId.parse(q, java.time.LocalDate.now(clock).getYear());
            if (pnc.valid()) {
                where.and("pncId = :pnc", "pnc", pnc.pncId().get().canonical());
            } else {
                where.and("(lower(lastName) like :q escape '\\' or lower(firstName) like :q escape '\\'"
                        + " or lower(concat(firstName, ' ', lastName)) like :q escape '\\')",
                        "q", "%" + q.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
        }
        Sort.Direction direction = page.ascending() ? Sort.Direction.Ascending : Sort.Direction.Descending;
        Sort sort = Sort.by(page.sortField(), direction);
        if (page.sortField().equals("lastName")) {
            sort = sort.and("firstName", direction);
        }
        sort = sort.and("id", direction);
        PanacheQuery<Offender> query = Offender.find(where.where(), sort, where.params());
        List<Offender> offenders = query.page(page.page(), page.size()).list();
        audit.record(AuditAction.CONSULT, offenders.stream().map(o -> o.id).toList(), caller.requestLine());
        return page.pageOf(offenders.stream().map(Views::of).toList(), query.count());
    }

    /** Applies a JSON merge patch (RFC 7396) to an offender, honouring If-Match. */
    public Offender patch(UUID id, JsonNode patch, String ifMatch) {
        if (patch == null || !patch.isObject()) {
            throw ProblemException.badRequest("body", "a merge patch must be a JSON object");
        }
        Offender offender = visible(id, LockModeType.PESSIMISTIC_WRITE);
        ETags.checkIfMatch(ifMatch, offender.version);
        OffenderDetails current = OffenderDetails.of(offender);
        List<FieldError> refused = new ArrayList<>();
        NOT_PATCHABLE.forEach((field, instead) -> {
            JsonNode value = patch.get(field);
            if (value != null && !value.equals(objectMapper.valueToTree(current.asFields().get(field)))) {
                refused.add(new FieldError(field, "cannot be changed by PATCH; " + instead));
            }
        });
        if (!refused.isEmpty()) {
            throw ProblemException.invalid(refused);
        }
        ObjectNode base = objectMapper.valueToTree(current.asFields());
        if (patch.hasNonNull("managerStaffNumber") && !patch.has("managerId")) {
            base.remove("managerId");
        }
        OffenderRequest patched = objectMapper.convertValue(MergePatch.apply(base, patch), OffenderRequest.class);
        OffenderRules.Outcome outcome = rules.check(patched, References.load(), current);
        if (!outcome.valid()) {
            throw ProblemException.invalid(outcome.problems());
        }
        List<String> changed = update(offender, outcome.facts(), HistoryEntry.Change.UPDATED);
        if (!changed.isEmpty()) {
            events.changed(offender, changed);
            audit.record(AuditAction.ALTER, offender.id, caller.requestLine());
        }
        return offender;
    }

    /** Erases an offender's record, its assessments, status changes and history; the audit log keeps the fact. */
    public void erase(UUID id) {
        String justification = caller.justification();
        if (justification == null) {
            throw ProblemException.badRequest(Caller.JUSTIFICATION_HEADER, "is required to erase a record");
        }
        Offender offender = visible(id, LockModeType.PESSIMISTIC_WRITE);
        history.erase(offender.id);
        offender.delete();
        events.erased(id);
        audit.record(AuditAction.ERASE, id, caller.requestLine());
    }

    /** How many offenders a staff member manages, by risk, within the caller's areas. */
    public Map<RiskLevel, Long> countByRisk(UUID managerId) {
        Map<RiskLevel, Long> counts = new java.util.EnumMap<>(RiskLevel.class);
        for (RiskLevel level : RiskLevel.values()) {
            counts.put(level, 0L);
        }
        Conditions where = Conditions.withinAreas(caller.areaRestriction(), "areaCode in :callerAreas")
                .and("managerId = :manager", "manager", managerId);
        var query = Offender.getEntityManager().createQuery("select riskLevel, count(*) from Offender where " + where.where()
                + " group by riskLevel", Object[].class);
        where.params().forEach(query::setParameter);
        for (Object[] row : query.getResultList()) {
            counts.put((RiskLevel) row[0], (Long) row[1]);
        }
        return counts;
    }

    /** How many of a staff member's offenders are in the community and actively managed, within the caller's areas. */
    public long countActiveInCommunity(UUID managerId) {
        Conditions where = Conditions.withinAreas(caller.areaRestriction(), "areaCode in :callerAreas")
                .and("managerId = :manager", "manager", managerId)
                .and("status = :status", "status", OffenderStatus.IN_COMMUNITY)
                .and("managementMode = :mode", "mode", ManagementMode.ACTIVE);
        return Offender.count(where.where(), where.params());
    }
}
