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

/**
 * Turns an offender request into validated, normalised {@link OffenderFacts}, or the list of what is wrong with it.
 * The single place the rules of a valid record live, for registration, batch upsert and merge patch alike.
 */
@ApplicationScoped
public class OffenderRules {

    @Inject
    Validator validator;

    @Inject
    Clock clock;

    @Inject
    Caller caller;

    /** Either the facts or the problems. */
    public record Outcome(OffenderFacts facts, List<FieldError> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /**
     * Checks a request. {@code existing} is the stored record when the request updates one: status, statusSince,
     * managementMode and lastRiskAssessmentOn then keep their stored values when the request leaves them out.
     */
    public Outcome check(OffenderRequest request, References references, OffenderFacts existing) {
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
        OffenderFacts facts = new OffenderFacts(pncId, request.firstName().strip(), request.lastName().strip(),
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
        if (!manager.active) {
            problems.add(new FieldError(byId.isPresent() ? "managerId" : "managerStaffNumber", "is not an active staff member"));
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
