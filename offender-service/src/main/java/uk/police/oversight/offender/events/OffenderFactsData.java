package uk.police.oversight.offender.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The payload of offender.registered, offender.changed and offender.snapshot: the facts other services project,
 * and no more personal data than they need (no address, no date of birth); a snapshot names its replay. Like every
 * record of this package it holds JDK types only, so that the consumers' contract tests can make payloads with it
 * (the {@code events} jar of this module); {@link OffenderEvents} fills it from the entity.
 */
public record OffenderFactsData(
        UUID offenderId,
        long version,
        String pncId,
        String displayName,
        String riskLevel,
        String managementMode,
        String status,
        LocalDate statusSince,
        String areaCode,
        UUID managerId,
        LocalDate registeredOn,
        LocalDate notificationEndsOn,
        Integer visitIntervalMonths,
        LocalDate lastRiskAssessmentOn,
        List<String> changed,
        UUID replayId) {
}
