package uk.police.oversight.offender.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.police.oversight.offender.model.AssessmentTool;
import uk.police.oversight.offender.model.RiskLevel;

/** A recorded risk assessment. */
@Schema(requiredProperties = {"id", "offenderId", "assessedOn", "riskLevel", "tool", "recordedBy", "recordedAt"}, name = "RiskAssessment")
public record RiskAssessmentView(
        UUID id,
        UUID offenderId,
        @Schema(examples = "2022-05-10") LocalDate assessedOn,
        RiskLevel riskLevel,
        AssessmentTool tool,
        String notes,
        @Schema(description = "Subject of the token that recorded it", examples = "dc.morgan") String recordedBy,
        Instant recordedAt) {
}
