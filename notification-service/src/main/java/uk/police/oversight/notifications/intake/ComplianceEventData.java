package uk.police.oversight.notifications.intake;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.UUID;

/** The payload of visit-scheduler's compliance events (docs/events.md). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ComplianceEventData(UUID offenderId, String pncId, String riskLevel, String areaCode, UUID managerId,
        LocalDate dueOn, long daysOverdue, LocalDate lastVisitOn, LocalDate asOf, int escalateAfterDaysOverdue) {
}
