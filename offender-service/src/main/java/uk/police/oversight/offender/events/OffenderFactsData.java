package uk.police.oversight.offender.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import uk.police.oversight.offender.model.Offender;

/**
 * The payload of offender.registered, offender.changed and offender.snapshot: the facts other services project,
 * and no more personal data than they need (no address, no date of birth); a snapshot names its replay.
 */
public record OffenderFactsData(
        UUID offenderId,
        long version,
        String pncId,
        String displayName,
        String riskLevel,
        String managementMode,
        String status,
        LocalDate statusSince,
        String areaCode,
        UUID managerId,
        LocalDate registeredOn,
        LocalDate notificationEndsOn,
        Integer visitIntervalMonths,
        LocalDate lastRiskAssessmentOn,
        List<String> changed,
        UUID replayId) {

    public static OffenderFactsData of(Offender o, List<String> changed) {
        return of(o, changed, null);
    }

    /** The facts as of now; {@code replayId} names the replay a snapshot belongs to (null for a change). */
    public static OffenderFactsData of(Offender o, List<String> changed, UUID replayId) {
        return new OffenderFactsData(o.id, o.version, o.pncId, o.firstName + " " + o.lastName, o.riskLevel.name(),
                o.managementMode.name(), o.status.name(), o.statusSince, o.areaCode, o.managerId, o.registeredOn,
                o.notificationEndsOn, o.visitIntervalMonths, o.lastRiskAssessmentOn, changed, replayId);
    }
}
