package uk.police.oversight.notifications.intake;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;

/**
 * The parts of offender.registered, .changed and .snapshot this service uses: who manages the offender now, and
 * whether they can be overdue; {@code version} orders them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OffenderFactsData(UUID offenderId, long version, String status, String managementMode, String areaCode,
        UUID managerId, String riskLevel) {
}
