package uk.police.oversight.visits.service;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import uk.police.oversight.common.audit.AuditAction;
import uk.police.oversight.common.pnc.PncId;
import uk.police.oversight.common.problem.FieldError;
import uk.police.oversight.common.problem.ProblemException;
import uk.police.oversight.common.query.Conditions;
import uk.police.oversight.common.security.Caller;
import uk.police.oversight.common.web.Page;
import uk.police.oversight.common.web.PageRequest;
import uk.police.oversight.messaging.AuditTrail;
import uk.police.oversight.visits.api.VisitRequest;
import uk.police.oversight.visits.api.VisitView;
import uk.police.oversight.visits.model.OffenderProjection;
import uk.police.oversight.visits.model.Visit;
import uk.police.oversight.visits.projection.OffenderLookup;
import uk.police.oversight.visits.projection.StaffLookup;
import uk.police.oversight.visits.model.StaffProjection;

/** Recording and reading visits, confined to the caller's areas. */
@ApplicationScoped
@Transactional
public class Visits {

    public static final Map<String, String> SORTABLE = Map.of("visitDate", "visitDate", "recordedAt", "recordedAt");

    @Inject
    Caller caller;

    /** What an offender who does not exist, or is outside the caller's areas, is called: the same either way. */
    static final String UNKNOWN_OFFENDER = "is not a known offender in your areas";

    @Inject
    OffenderLookup lookup;

    @Inject
    StaffLookup staff;

    @Inject
    VisitEvents events;

    @Inject
    AuditTrail audit;

    @Inject
    Validator validator;

    @Inject
    Clock clock;

    /** Filters of the visit list; any may be null. */
    public record Filter(UUID offenderId, LocalDate from, LocalDate to) {
    }

    public Visit record(VisitRequest request) {
        List<FieldError> problems = check(request, false);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        OffenderProjection offender = offender(request).orElseThrow(() -> ProblemException.invalid(
                request.offenderId() != null ? "offenderId" : "pncId", UNKNOWN_OFFENDER));
        List<FieldError> againstOffender = check(request, offender);
        if (!againstOffender.isEmpty()) {
            throw ProblemException.invalid(againstOffender);
        }
        Visit visit = create(request, offender);
        events.recorded(visit, offender);
        audit.record(AuditAction.COLLECT, List.of(offender.offenderId), caller.requestLine());
        return visit;
    }

    /** The problems of a visit request before its offender is looked up: fields, dates, the offender named once. */
    List<FieldError> check(VisitRequest request, boolean inBatch) {
        List<FieldError> problems = new ArrayList<>();
        for (ConstraintViolation<VisitRequest> violation : validator.validate(request)) {
            problems.add(new FieldError(violation.getPropertyPath().toString(), violation.getMessage()));
        }
        if (request.offenderId() == null && (request.pncId() == null || request.pncId().isBlank())) {
            problems.add(new FieldError("offenderId", "one of offenderId or pncId is required"));
        } else if (request.offenderId() == null) {
            PncId.Result pnc = PncId.parse(request.pncId(), LocalDate.now(clock).getYear());
            if (!pnc.valid()) {
                problems.add(new FieldError("pncId", pnc.problem()));
            }
        }
        if (request.visitDate() != null && request.visitDate().isAfter(LocalDate.now(clock))) {
            problems.add(new FieldError("visitDate", "must not be in the future"));
        }
        if (inBatch && (request.externalRef() == null || request.externalRef().isBlank())) {
            problems.add(new FieldError("externalRef", "is required in a batch: it makes the upsert idempotent"));
        }
        problems.sort(Comparator.comparing(FieldError::field));
        return problems;
    }

    /**
     * The offender a request names, if the caller may see them (confirmed with offender-service if not projected yet).
     * The caller's areas are applied before anything else is compared, so that an offender outside them is answered
     * exactly like an unknown one, whatever else the request says.
     */
    Optional<OffenderProjection> offender(VisitRequest request) {
        return offender(request, Map.of());
    }

    /** As {@link #offender(VisitRequest)}, taking an offender named by PNC id from those already read ({@link #projected}). */
    Optional<OffenderProjection> offender(VisitRequest request, Map<String, OffenderProjection> readByPnc) {
        Optional<OffenderProjection> offender;
        if (request.offenderId() != null) {
            offender = lookup.find(request.offenderId());
        } else {
            String pnc = canonicalPnc(request);
            OffenderProjection read = readByPnc.get(pnc);
            offender = read != null ? Optional.of(read) : lookup.findByPnc(pnc);
        }
        offender = offender.filter(o -> inCallersAreas(o, AuditAction.COLLECT));
        if (offender.isPresent() && request.offenderId() != null && request.pncId() != null && !request.pncId().isBlank()) {
            PncId.Result pnc = PncId.parse(request.pncId(), LocalDate.now(clock).getYear());
            if (!pnc.valid() || !pnc.pncId().get().canonical().equals(offender.get().pncId)) {
                throw ProblemException.invalid("pncId", "does not belong to the offender named by offenderId");
            }
        }
        return offender;
    }

    /**
     * The projected offenders these checked requests name, read in two queries: those named by PNC id, by canonical PNC
     * id; those named by id are left in the persistence context, where {@link OffenderLookup#find} finds them without a
     * query. A batch reads its offenders this way instead of one query (and one flush) per item.
     */
    Map<String, OffenderProjection> projected(List<VisitRequest> requests) {
        List<UUID> ids = requests.stream().map(VisitRequest::offenderId).filter(Objects::nonNull).distinct().toList();
        List<String> pncs = requests.stream().filter(request -> request.offenderId() == null).map(this::canonicalPnc)
                .distinct().toList();
        if (!ids.isEmpty()) {
            OffenderProjection.list("offenderId in ?1", ids);
        }
        Map<String, OffenderProjection> byPnc = new HashMap<>();
        if (!pncs.isEmpty()) {
            OffenderProjection.<OffenderProjection>list("pncId in ?1", pncs).forEach(offender -> byPnc.put(offender.pncId, offender));
        }
        return byPnc;
    }

    private String canonicalPnc(VisitRequest request) {
        return PncId.parse(request.pncId(), LocalDate.now(clock).getYear()).pncId().orElseThrow().canonical();
    }

    /**
     * The problems of a visit against the offender it names: not before they were registered (an earlier visit would
     * date their first visit from before they were on the register), and made by a staff member of their area.
     */
    List<FieldError> check(VisitRequest request, OffenderProjection offender) {
        List<FieldError> problems = new ArrayList<>();
        if (request.visitDate() != null && request.visitDate().isBefore(offender.registeredOn)) {
            problems.add(new FieldError("visitDate", "must not be before the offender was registered (" + offender.registeredOn + ")"));
        }
        if (request.officerId() != null) {
            Optional<StaffProjection> officer = staff.find(request.officerId());
            if (officer.isEmpty()) {
                problems.add(new FieldError("officerId", "is not a known staff member"));
            } else if (!officer.get().areaCode.equals(offender.areaCode)) {
                problems.add(new FieldError("officerId", "is not a staff member of the offender's area (" + offender.areaCode + ")"));
            }
        }
        return problems;
    }

    Visit create(VisitRequest request, OffenderProjection offender) {
        Visit visit = new Visit();
        visit.id = UUID.randomUUID();
        visit.offenderId = offender.offenderId;
        apply(request, visit);
        visit.externalRef = blankToNull(request.externalRef());
        visit.recordedBy = caller.subject();
        visit.recordedAt = clock.instant();
        visit.persist();
        return visit;
    }

    /** Sets the changeable fields; answers whether any differed. */
    static boolean apply(VisitRequest request, Visit visit) {
        boolean changed = visit.visitDate == null || visit.outcome != request.outcome() || visit.announced != request.announced()
                || !java.util.Objects.equals(visit.officerId, request.officerId())
                || !java.util.Objects.equals(visit.notes, blankToNull(request.notes()))
                || visit.type != request.type() || !visit.visitDate.equals(request.visitDate());
        visit.visitDate = request.visitDate();
        visit.type = request.type();
        visit.outcome = request.outcome();
        visit.announced = request.announced();
        visit.officerId = request.officerId();
        visit.notes = blankToNull(request.notes());
        return changed;
    }

    public Visit get(UUID id) {
        Visit visit = Visit.<Visit>findByIdOptional(id)
                .filter(v -> visible(v.offenderId, AuditAction.CONSULT))
                .orElseThrow(() -> ProblemException.notFound("Visit", id));
        audit.record(AuditAction.CONSULT, List.of(visit.offenderId), caller.requestLine());
        return visit;
    }

    public Page<VisitView> list(Filter filter, PageRequest page) {
        Conditions where = Conditions.withinAreas(caller.areaRestriction(),
                        "offenderId in (select o.offenderId from OffenderProjection o where o.areaCode in :callerAreas)")
                .and("offenderId = :offenderId", "offenderId", filter.offenderId())
                .and("visitDate >= :from", "from", filter.from())
                .and("visitDate <= :to", "to", filter.to());
        Sort.Direction direction = page.ascending() ? Sort.Direction.Ascending : Sort.Direction.Descending;
        PanacheQuery<Visit> query = Visit.find(where.where(), Sort.by(page.sortField(), direction).and("id", direction), where.params());
        List<Visit> visits = query.page(page.page(), page.size()).list();
        audit.record(AuditAction.CONSULT, visits.stream().map(v -> v.offenderId).distinct().toList(), caller.requestLine());
        return page.pageOf(visits.stream().map(VisitView::of).toList(), query.count());
    }

    private boolean visible(UUID offenderId, AuditAction attempted) {
        OffenderProjection offender = OffenderProjection.findById(offenderId);
        return offender != null && inCallersAreas(offender, attempted);
    }

    /**
     * Whether the caller may see the offender; one outside the caller's areas is answered as an unknown one, and the
     * attempt is kept in the audit log as refused (docs/api.md).
     */
    boolean inCallersAreas(OffenderProjection offender, AuditAction attempted) {
        if (caller.canSeeArea(offender.areaCode)) {
            return true;
        }
        audit.refused(attempted, List.of(offender.offenderId), caller.requestLine() + ": outside the caller's areas");
        return false;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
