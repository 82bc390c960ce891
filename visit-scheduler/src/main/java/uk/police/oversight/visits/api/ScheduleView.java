package uk.police.oversight.visits.api;

import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.police.oversight.visits.compliance.Band;
import uk.police.oversight.visits.compliance.Schedule;

/** An offender's visit schedule as of a date. */
@Schema(requiredProperties = {"offenderId", "asOf", "inScope", "intervalMonths", "overdue", "daysOverdue", "consecutiveNoAccess", "warrantEligible", "reviewOverdue"}, name = "Schedule")
public record ScheduleView(
        UUID offenderId,
        @Schema(examples = "2022-06-30") LocalDate asOf,
        @Schema(description = "In the community, actively managed and registered by asOf; only then can a visit be overdue")
        boolean inScope,
        @Schema(description = "Months between visits: the offender's override or the policy's for their risk", examples = "3")
        int intervalMonths,
        @Schema(description = "Latest completed home visit on or before asOf", examples = "2021-12-01") LocalDate lastVisitOn,
        @Schema(description = "When the next home visit is due (absent when not in scope)", examples = "2022-03-01") LocalDate dueOn,
        boolean overdue,
        @Schema(examples = "121") long daysOverdue,
        @Schema(description = "The band of days overdue, when overdue") Band band,
        @Schema(description = "No-access home visits since the last completed one", examples = "2") int consecutiveNoAccess,
        @Schema(description = "Two or more consecutive no-access visits: a warrant may be sought (SOA 2003 s.96B)")
        boolean warrantEligible,
        @Schema(examples = "2023-01-15") LocalDate reviewDueOn,
        boolean reviewOverdue) {

    public static ScheduleView of(UUID offenderId, Schedule s) {
        return new ScheduleView(offenderId, s.asOf(), s.inScope(), s.intervalMonths(), s.lastVisitOn(), s.dueOn(), s.overdue(),
                s.daysOverdue(), s.band(), s.consecutiveNoAccess(), s.warrantEligible(),
                s.reviewDueOn(), s.reviewOverdue());
    }
}
