package uk.police.oversight.visits.api;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.police.oversight.visits.model.ManagementMode;
import uk.police.oversight.visits.model.RiskLevel;

/** An offender in the community on a date, and whether they were overdue a home visit then. */
@Schema(name = "CommunityOffender", requiredProperties = {"offenderId", "areaCode", "riskLevel", "managementMode", "managerId", "overdue"})
public record CommunityOffender(UUID offenderId, @Schema(examples = "BRS") String areaCode, RiskLevel riskLevel,
        ManagementMode managementMode, UUID managerId,
        @Schema(description = "Overdue a home visit on the date (never, when managed reactively)") boolean overdue) {
}
