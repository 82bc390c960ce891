package uk.police.oversight.offender.api;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.police.oversight.common.web.Page;
import uk.police.oversight.offender.model.RiskLevel;

/** A staff member's caseload: how many offenders they manage, by risk, and the offenders themselves. */
@Schema(requiredProperties = {"staff", "total", "activeInCommunity", "byRiskLevel", "offenders"}, name = "Caseload")
public record CaseloadView(
        StaffView staff,
        @Schema(description = "Offenders managed, within the caller's areas", examples = "52") long total,
        @Schema(description = "Of which in the community and actively managed", examples = "31") long activeInCommunity,
        Map<RiskLevel, Long> byRiskLevel,
        Page<OffenderView> offenders) {
}
