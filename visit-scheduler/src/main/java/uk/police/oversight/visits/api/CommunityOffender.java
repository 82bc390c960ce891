package uk.police.oversight.visits.api;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.police.oversight.visits.model.ManagementMode;
import uk.police.oversight.visits.model.RiskLevel;

/** An offender in the community on a date: who a sample may be drawn from. */
@Schema(name = "CommunityOffender", requiredProperties = {"offenderId", "areaCode", "riskLevel", "managementMode", "managerId"})
public record CommunityOffender(UUID offenderId, @Schema(examples = "BRS") String areaCode, RiskLevel riskLevel,
        ManagementMode managementMode, UUID managerId) {
}
