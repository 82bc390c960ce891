package uk.police.oversight.visits.compliance;

import java.time.LocalDate;
import uk.police.oversight.visits.model.ManagementMode;
import uk.police.oversight.visits.model.OffenderStatus;
import uk.police.oversight.visits.model.RiskLevel;

/** The facts of an offender the overdue rule reads (their current attributes). */
public record RuleInputs(
        RiskLevel riskLevel,
        ManagementMode managementMode,
        OffenderStatus status,
        LocalDate statusSince,
        LocalDate registeredOn,
        Integer visitIntervalMonths,
        LocalDate lastRiskAssessmentOn) {
}
