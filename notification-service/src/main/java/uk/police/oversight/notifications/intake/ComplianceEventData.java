package uk.police.oversight.notifications.intake;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The payload of visit-scheduler's compliance events (docs/events.md). {@code offenderVersion} is the version of the
 * offender's record the announcement was computed from (-1 from a producer that did not send it).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ComplianceEventData(UUID offenderId, String pncId, String riskLevel, String areaCode, UUID managerId,
        LocalDate dueOn, long daysOverdue, LocalDate lastVisitOn, LocalDate asOf, int escalateAfterDaysOverdue,
        Long offenderVersion) {

    public ComplianceEventData {
        offenderVersion = offenderVersion == null ? -1L : offenderVersion;
    }

    /** The same announcement with the manager, area and risk of a newer version of the offender's record. */
    ComplianceEventData withFacts(OffenderStates.State newer) {
        return new ComplianceEventData(offenderId, pncId, newer.riskLevel() == null ? riskLevel : newer.riskLevel(),
                newer.areaCode() == null ? areaCode : newer.areaCode(), newer.managerId() == null ? managerId : newer.managerId(),
                dueOn, daysOverdue, lastVisitOn, asOf, escalateAfterDaysOverdue, newer.version());
    }
}
