package uk.police.oversight.offender.events;

import java.time.LocalDate;
import java.util.UUID;

/** The payload of offender.risk-assessment-recorded; {@code current} says whether it is now the offender's latest. */
public record RiskAssessmentData(UUID offenderId, UUID assessmentId, LocalDate assessedOn, String riskLevel, String tool,
        boolean current) {
}
