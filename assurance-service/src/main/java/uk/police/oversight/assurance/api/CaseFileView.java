package uk.police.oversight.assurance.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A pseudonymised case file: what a lay panel member needs to judge how a case was managed, and nothing that would let
 * them identify the person — no name, PNC id, date of birth, address, offender id, staff name or free text.
 */
@Schema(name = "CaseFile", requiredProperties = {"sampleId", "caseRef", "riskLevel", "mappaCategory", "mappaLevel",
        "managementMode", "status", "registeredYear", "areaCode", "manager", "timeline", "schedule"})
public record CaseFileView(
        UUID sampleId,
        @Schema(examples = "3f2a9c1e-01") String caseRef,
        @Schema(examples = "HIGH") String stratum,
        @Schema(examples = "HIGH") String riskLevel,
        @Schema(examples = "1") int mappaCategory,
        @Schema(examples = "1") int mappaLevel,
        @Schema(examples = "ACTIVE") String managementMode,
        @Schema(examples = "IN_COMMUNITY") String status,
        @Schema(description = "Year of registration only", examples = "2016") int registeredYear,
        @Schema(examples = "BRS") String areaCode,
        @Schema(description = "The offender manager, named only within this sample", examples = "Manager A") String manager,
        @Schema(description = "Visits, risk assessments and status changes up to the population's end date, oldest first")
        List<TimelineEntry> timeline,
        @Schema(description = "The visit and review schedule as of the population's end date") Schedule schedule,
        @Schema(description = "The finding recorded on this case, if any") FindingView finding) {

    /** One dated event on the case. */
    @Schema(name = "CaseTimelineEntry", requiredProperties = {"date", "kind"})
    public record TimelineEntry(
            @Schema(examples = "2022-03-14") LocalDate date,
            @Schema(enumeration = {"VISIT", "RISK_ASSESSMENT", "STATUS_CHANGE"}) String kind,
            @Schema(description = "VISIT: HOME_VISIT or OTHER_CONTACT") String visitType,
            @Schema(description = "VISIT: COMPLETED, NO_ACCESS or CANCELLED") String outcome,
            @Schema(description = "VISIT: whether it was announced") Boolean announced,
            @Schema(description = "RISK_ASSESSMENT: the level assessed") String riskLevel,
            @Schema(description = "RISK_ASSESSMENT: ARMS, RM2000 or OTHER") String tool,
            @Schema(description = "STATUS_CHANGE: the new status") String status) {
    }

    /** The schedule on the population's end date. */
    @Schema(name = "CaseSchedule", requiredProperties = {"asOf", "inScope", "intervalMonths", "overdue", "daysOverdue",
            "consecutiveNoAccess", "warrantEligible", "reviewOverdue"})
    public record Schedule(LocalDate asOf, boolean inScope, int intervalMonths, LocalDate lastVisitOn, LocalDate dueOn,
            boolean overdue, long daysOverdue, String band, int consecutiveNoAccess, boolean warrantEligible,
            LocalDate reviewDueOn, boolean reviewOverdue) {
    }
}
