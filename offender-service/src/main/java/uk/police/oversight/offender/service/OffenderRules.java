package uk.police.oversight.offender.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import uk.police.oversight.common.problem.FieldError;
import uk.police.oversight.common.security.Caller;
import uk.police.oversight.offender.api.OffenderRequest;
import uk.police.oversight.offender.model.ManagementMode;
import uk.police.oversight.offender.model.OffenderStatus;
import uk.police.oversight.common.pnc.PncId;
import uk.police.oversight.offender.model.Staff;
import uk.police.oversight.offender.model.StaffRole;

/**
 * Turns an offender request into validated, normalised {@link OffenderDetails}, or the list of what is wrong with it.
 * The single place the rules of a valid record live, for registration, batch upsert and merge patch alike; among
 * them that the manager is an active offender manager of the offender's area (docs/domain.md).
 */
@ApplicationScoped
public class OffenderRules {

    /** The register began on 1 September 1997 (Sex Offenders Act 1997, Part 1); nobody was registered before. */
    public static final LocalDate REGISTER_BEGAN = LocalDate.of(1997, 9, 1);
    /** A date of birth before this is a typing mistake, not a person on the register. */
    public static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    @Inject
    Validator validator;

    @Inject
    Clock clock;

    @Inject
    Caller caller;

    /** Either the facts or the problems. */
    public record Outcome(OffenderDetails facts, List<FieldError> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /**
     * Checks a request. {@code existing} is the stored record when the request updates one: status, statusSince,
     * managementMode and lastRiskAssessmentOn then keep their stored values when the request leaves them out.
     */
    public Outcome check(OffenderRequest request, References references, OffenderDetails existing) {
        List<FieldError> problems = new ArrayList<>();
        for (ConstraintViolation<OffenderRequest> violation : validator.validate(request)) {
            problems.add(new FieldError(violation.getPropertyPath().toString(), violation.getMessage()));
        }
        LocalDate today = LocalDate.now(clock);
        String pncId = null;
        if (request.pncId() != null && !request.pncId().isBlank()) {
            PncId.Result pnc = PncId.parse(request.pncId(), today.getYear());
            if (pnc.valid()) {
                pncId = pnc.pncId().get().canonical();
            } else {
                problems.add(new FieldError("pncId", pnc.problem()));
            }
        }
        if (request.dateOfBirth() != null && !request.dateOfBirth().isBefore(today)) {
            problems.add(new FieldError("dateOfBirth", "must be in the past"));
        } else if (request.dateOfBirth() != null && request.dateOfBirth().isBefore(EARLIEST_BIRTH)) {
            problems.add(new FieldError("dateOfBirth", "must not be before " + EARLIEST_BIRTH));
        }
        if (request.registeredOn() != null && request.registeredOn().isBefore(REGISTER_BEGAN)) {
            problems.add(new FieldError("registeredOn", "must not be before " + REGISTER_BEGAN
                    + ", when the register began (Sex Offenders Act 1997)"));
        }
        notInFuture(problems, "registeredOn", request.registeredOn(), today);
        notInFuture(problems, "statusSince", request.statusSince(), today);
        notInFuture(problems, "lastRiskAssessmentOn", request.lastRiskAssessmentOn(), today);
        if (request.registeredOn() != null && request.dateOfBirth() != null
                && request.registeredOn().isBefore(request.dateOfBirth())) {
            problems.add(new FieldError("registeredOn", "must not be before dateOfBirth"));
        }
        if (request.notificationEndsOn() != null && request.registeredOn() != null
                && request.notificationEndsOn().isBefore(request.registeredOn())) {
            problems.add(new FieldError("notificationEndsOn", "must not be before registeredOn"));
        }
        if (request.areaCode() != null && !request.areaCode().isBlank()) {
            if (!references.areaExists(request.areaCode()) || !caller.canSeeArea(request.areaCode())) {
                // An area outside the caller's own is reported as unknown, so that nothing leaks across areas.
                problems.add(new FieldError("areaCode", caller.canSeeArea(request.areaCode())
                        ? "is not a known area" : "is not one of your areas"));
            }
        }
        UUID managerId = manager(request, references, problems);
        problems.sort(Comparator.comparing(FieldError::field));
        if (!problems.isEmpty()) {
            return new Outcome(null, List.copyOf(problems));
        }
        ManagementMode mode = firstNonNull(request.managementMode(), existing == null ? null : existing.managementMode(),
                ManagementMode.ACTIVE);
        OffenderStatus status = firstNonNull(request.status(), existing == null ? null : existing.status(),
                OffenderStatus.IN_COMMUNITY);
        LocalDate statusSince = request.statusSince();
        if (statusSince == null) {
            if (existing == null) {
                statusSince = request.registeredOn();
            } else {
                statusSince = existing.status() == status ? existing.statusSince() : today;
            }
        }
        LocalDate lastAssessment = request.lastRiskAssessmentOn() != null || existing == null
                ? request.lastRiskAssessmentOn() : existing.lastRiskAssessmentOn();
        var address = request.address();
        OffenderDetails facts = new OffenderDetails(pncId, request.firstName().strip(), request.lastName().strip(),
                request.dateOfBirth(), address.line1().strip(), blankToNull(address.line2()), address.town().strip(),
                address.normalisedPostcode(), request.mappaCategory(), request.mappaLevel(), request.riskLevel(), mode,
                status, statusSince, request.areaCode(), managerId, request.registeredOn(), request.notificationEndsOn(),
                request.visitIntervalMonths(), lastAssessment);
        return new Outcome(facts, List.of());
    }

    private UUID manager(OffenderRequest request, References references, List<FieldError> problems) {
        if (request.managerId() == null && (request.managerStaffNumber() == null || request.managerStaffNumber().isBlank())) {
            problems.add(new FieldError("managerId", "one of managerId or managerStaffNumber is required"));
            return null;
        }
        Optional<Staff> byId = request.managerId() == null ? Optional.empty() : references.staff(request.managerId());
        Optional<Staff> byNumber = request.managerStaffNumber() == null
                ? Optional.empty() : references.staffByNumber(request.managerStaffNumber().strip());
        if (request.managerId() != null && byId.isEmpty()) {
            problems.add(new FieldError("managerId", "is not a known staff member"));
            return null;
        }
        if (request.managerStaffNumber() != null && byNumber.isEmpty()) {
            problems.add(new FieldError("managerStaffNumber", "is not a known staff member"));
            return null;
        }
        if (byId.isPresent() && byNumber.isPresent() && !byId.get().id.equals(byNumber.get().id)) {
            problems.add(new FieldError("managerStaffNumber", "names a different staff member from managerId"));
            return null;
        }
        Staff manager = byId.orElseGet(byNumber::get);
        String field = byId.isPresent() ? "managerId" : "managerStaffNumber";
        if (!manager.active) {
            problems.add(new FieldError(field, "is not an active staff member"));
            return null;
        }
        if (manager.role != StaffRole.OFFENDER_MANAGER) {
            problems.add(new FieldError(field, "is not an offender manager (a " + manager.role + " cannot hold a caseload)"));
            return null;
        }
        // The manager must be able to see the record and be told about it: someone of the offender's own area. A
        // change of area therefore comes with a manager of the new area.
        if (request.areaCode() != null && references.areaExists(request.areaCode()) && !request.areaCode().equals(manager.areaCode)) {
            problems.add(new FieldError(field, "is not an offender manager of area " + request.areaCode()
                    + "; name a manager of the offender's area"));
            return null;
        }
        return manager.id;
    }

    private static void notInFuture(List<FieldError> problems, String field, LocalDate date, LocalDate today) {
        if (date != null && date.isAfter(today)) {
            problems.add(new FieldError(field, "must not be in the future"));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
