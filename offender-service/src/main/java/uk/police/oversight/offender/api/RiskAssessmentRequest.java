package uk.police.oversight.offender.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.police.oversight.offender.model.AssessmentTool;
import uk.police.oversight.offender.model.RiskLevel;

/** A risk assessment to record. */
@Schema(name = "RiskAssessmentRequest")
public record RiskAssessmentRequest(
        @NotNull @Schema(description = "Not in the future", examples = "2022-05-10", required = true) LocalDate assessedOn,
        @NotNull @Schema(required = true) RiskLevel riskLevel,
        @NotNull @Schema(required = true) AssessmentTool tool,
        @Size(max = 2000) @Schema(examples = "ARMS review after change of address") String notes) {
}
