package uk.police.oversight.visits.api;

import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.police.oversight.visits.model.RiskLevel;

/** An offender overdue a home visit, as the overdue list shows them. */
@Schema(requiredProperties = {"offenderId", "pncId", "displayName", "riskLevel", "areaCode", "managerId", "dueOn", "daysOverdue", "consecutiveNoAccess", "warrantEligible"}, name = "OverdueVisit")
public record OverdueVisit(
        UUID offenderId,
        String pncId,
        String displayName,
        RiskLevel riskLevel,
        String areaCode,
        UUID managerId,
        LocalDate lastVisitOn,
        LocalDate dueOn,
        long daysOverdue,
        int consecutiveNoAccess,
        boolean warrantEligible) {
}
