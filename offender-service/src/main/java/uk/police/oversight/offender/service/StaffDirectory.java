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
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import uk.police.oversight.common.problem.FieldError;
import uk.police.oversight.common.problem.ProblemException;
import uk.police.oversight.common.web.ETags;
import uk.police.oversight.common.web.MergePatch;
import uk.police.oversight.common.web.Page;
import uk.police.oversight.common.web.PageRequest;
import uk.police.oversight.offender.api.StaffRequest;
import uk.police.oversight.offender.api.StaffView;
import uk.police.oversight.offender.model.Area;
import uk.police.oversight.offender.model.Offender;
import uk.police.oversight.offender.model.Staff;
import uk.police.oversight.offender.model.StaffRole;

/** Offender managers and supervisors. */
@ApplicationScoped
@Transactional
public class StaffDirectory {

    public static final Map<String, String> SORTABLE = Map.of("name", "name", "staffNumber", "staffNumber", "areaCode", "areaCode");

    @Inject
    Validator validator;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    Clock clock;

    @Inject
    uk.police.oversight.offender.events.OffenderEvents events;

    /** Filters of the staff list; any may be null. */
    public record Filter(String areaCode, StaffRole role, Boolean active) {
    }

    public Staff create(StaffRequest request) {
        check(request);
        if (Staff.findByStaffNumber(request.staffNumber()).isPresent()) {
            throw ProblemException.conflict("Staff number " + request.staffNumber() + " is already in use");
        }
        Staff staff = new Staff();
        staff.id = UUID.randomUUID();
        apply(request, staff);
        staff.createdAt = clock.instant();
        staff.updatedAt = staff.createdAt;
        staff.persist();
        events.staffChanged(staff);
        return staff;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Staff get(UUID id) {
        return Staff.<Staff>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Staff member", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<StaffView> list(Filter filter, PageRequest page) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.areaCode() != null) {
            where.add("areaCode = :areaCode");
            params.put("areaCode", filter.areaCode());
        }
        if (filter.role() != null) {
            where.add("role = :role");
            params.put("role", filter.role());
        }
        if (filter.active() != null) {
            where.add("active = :active");
            params.put("active", filter.active());
        }
        Sort.Direction direction = page.ascending() ? Sort.Direction.Ascending : Sort.Direction.Descending;
        Sort sort = Sort.by(page.sortField(), direction).and("id", direction);
        PanacheQuery<Staff> query = where.isEmpty() ? Staff.findAll(sort) : Staff.find(String.join(" and ", where), sort, params);
        List<StaffView> items = query.page(page.page(), page.size()).list().stream().map(Views::of).toList();
        return page.pageOf(items, query.count());
    }

    /** Applies a JSON merge patch to a staff member, honouring If-Match. */
    public Staff patch(UUID id, JsonNode patch, String ifMatch) {
        if (patch == null || !patch.isObject()) {
            throw ProblemException.badRequest("body", "a merge patch must be a JSON object");
        }
        Staff staff = Staff.<Staff>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("Staff member", id));
        ETags.checkIfMatch(ifMatch, staff.version);
        if (patch.has("staffNumber") && !patch.get("staffNumber").asText().equals(staff.staffNumber)) {
            throw ProblemException.invalid("staffNumber", "cannot be changed; it identifies the staff member");
        }
        ObjectNode base = objectMapper.valueToTree(Views.of(staff));
        base.remove("id");
        StaffRequest patched = objectMapper.convertValue(MergePatch.apply(base, patch), StaffRequest.class);
        check(patched);
        keepsCaseloadValid(staff, patched);
        apply(patched, staff);
        staff.updatedAt = clock.instant();
        events.staffChanged(staff);
        return staff;
    }

    private void check(StaffRequest request) {
        List<FieldError> problems = new ArrayList<>();
        for (ConstraintViolation<StaffRequest> violation : validator.validate(request)) {
            problems.add(new FieldError(violation.getPropertyPath().toString(), violation.getMessage()));
        }
        if (request.areaCode() != null && Area.findByIdOptional(request.areaCode()).isEmpty()) {
            problems.add(new FieldError("areaCode", "is not a known area"));
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(FieldError::field));
            throw ProblemException.invalid(problems);
        }
    }

    /**
     * A manager who still holds a caseload stays an active offender manager of their area: otherwise their offenders
     * would be managed by someone who cannot see them or is not told about them. Reassign the offenders first.
     */
    private static void keepsCaseloadValid(Staff staff, StaffRequest patched) {
        boolean stillManages = (patched.active() == null || patched.active()) && patched.role() == StaffRole.OFFENDER_MANAGER
                && staff.areaCode.equals(patched.areaCode());
        if (stillManages || staff.role != StaffRole.OFFENDER_MANAGER) {
            return;
        }
        long caseload = Offender.count("managerId", staff.id);
        if (caseload == 0) {
            return;
        }
        String field = !staff.areaCode.equals(patched.areaCode()) ? "areaCode"
                : patched.role() != StaffRole.OFFENDER_MANAGER ? "role" : "active";
        throw ProblemException.invalid(field, "cannot change while " + staff.staffNumber + " manages " + caseload
                + " offender" + (caseload == 1 ? "" : "s") + "; give them another manager of the area first"
                + " (GET /api/v1/staff/" + staff.id + "/caseload lists them)");
    }

    private static void apply(StaffRequest request, Staff staff) {
        staff.staffNumber = request.staffNumber();
        staff.name = request.name().strip();
        staff.email = request.email().strip();
        staff.role = request.role();
        staff.areaCode = request.areaCode();
        staff.active = request.active() == null || request.active();
    }
}
