package uk.police.oversight.visits.projection;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The offender facts visit-scheduler projects, as offender-service publishes them (offender.registered, .changed,
 * .snapshot, which names its replay) or answers GET /offenders/{id}. Unknown fields are ignored so the publisher can
 * add some.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OffenderFactsData(
        UUID offenderId,
        UUID id,
        long version,
        String pncId,
        String displayName,
        String firstName,
        String lastName,
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
        UUID replayId) {

    /** The offender's id, whichever name the source gave it (`offenderId` in events, `id` in the API). */
    public UUID offender() {
        return offenderId != null ? offenderId : id;
    }

    public String name() {
        return displayName != null ? displayName : (firstName + " " + lastName).strip();
    }
}
