package uk.police.oversight.visits.api;

import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.police.oversight.visits.model.RiskLevel;

/** An offender in the community whose risk review is overdue. */
@Schema(requiredProperties = {"offenderId", "pncId", "displayName", "riskLevel", "areaCode", "managerId", "reviewDueOn", "daysOverdue"}, name = "OverdueRiskReview")
public record OverdueRiskReview(
        UUID offenderId,
        String pncId,
        String displayName,
        RiskLevel riskLevel,
        String areaCode,
        UUID managerId,
        LocalDate lastRiskAssessmentOn,
        LocalDate reviewDueOn,
        long daysOverdue) {
}
