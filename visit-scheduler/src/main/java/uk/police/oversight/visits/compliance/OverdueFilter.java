package uk.police.oversight.visits.compliance;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import uk.police.oversight.visits.model.RiskLevel;

/**
 * Which offenders a list or summary covers: as of a date, within the caller's areas (empty = force-wide), and the
 * optional filters of the API. Any filter may be null.
 */
public record OverdueFilter(
        LocalDate asOf,
        Optional<Set<String>> callerAreas,
        String areaCode,
        UUID managerId,
        RiskLevel riskLevel,
        Integer minDaysOverdue,
        Band band) {

    public static OverdueFilter forceWide(LocalDate asOf) {
        return new OverdueFilter(asOf, Optional.empty(), null, null, null, null, null);
    }
}
