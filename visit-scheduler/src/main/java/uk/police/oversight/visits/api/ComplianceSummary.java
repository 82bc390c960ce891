package uk.police.oversight.visits.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.police.oversight.visits.compliance.Band;
import uk.police.oversight.visits.model.RiskLevel;

/**
 * Compliance figures for a force or area on a date: who is in scope, who is overdue, by area, risk, band, risk and band,
 * and manager; risk reviews over everyone in the community; reactively managed offenders counted apart.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(requiredProperties = {"asOf", "inScope", "overdue", "complianceRate", "overdueRiskReviews", "inCommunity",
        "reviewComplianceRate", "reactive", "byArea", "byRiskLevel", "byBand", "byRiskAndBand"}, name = "OverdueSummary")
public record ComplianceSummary(
        @Schema(examples = "2022-06-30") LocalDate asOf,
        @Schema(description = "The area the figures are limited to, if one was asked for", examples = "BRS") String areaCode,
        @Schema(description = "Offenders in the community, actively managed, registered by asOf", examples = "1187") long inScope,
        @Schema(description = "Of which overdue a home visit", examples = "217") long overdue,
        @Schema(description = "Share of in-scope offenders not overdue, 0 to 1", examples = "0.8172") double complianceRate,
        @Schema(description = "Days the longest-overdue offender is overdue", examples = "243") Long oldestDaysOverdue,
        @Schema(description = "Offenders in the community whose risk review is overdue", examples = "151") long overdueRiskReviews,
        @Schema(description = "Offenders in the community registered by asOf, either management mode: those whose risk "
                + "reviews are counted", examples = "1376") long inCommunity,
        @Schema(description = "Share of offenders in the community whose risk review is not overdue, 0 to 1",
                examples = "0.8903") double reviewComplianceRate,
        @Schema(description = "Offenders in the community managed reactively (no scheduled visits, so never overdue a "
                + "visit), counted apart from those in scope", examples = "189") long reactive,
        List<AreaFigures> byArea,
        List<RiskFigures> byRiskLevel,
        List<BandFigures> byBand,
        @Schema(description = "Overdue home visits by risk level and band: the backlog's age") List<RiskBandFigures> byRiskAndBand,
        @Schema(description = "Absent for scrutiny callers") List<ManagerFigures> byManager) {

    /** Figures for one area. */
    @Schema(requiredProperties = {"areaCode", "inScope", "overdue", "complianceRate", "overdueRiskReviews", "inCommunity",
            "reviewComplianceRate", "reactive"}, name = "AreaFigures")
    public record AreaFigures(@Schema(examples = "BRS") String areaCode, long inScope, long overdue, double complianceRate,
            @Schema(description = "Absent when nobody in the area is overdue") Long oldestDaysOverdue,
            long overdueRiskReviews, long inCommunity, double reviewComplianceRate, long reactive) {
    }

    /** Figures for one risk level. */
    @Schema(requiredProperties = {"riskLevel", "inScope", "overdue", "complianceRate", "overdueRiskReviews", "inCommunity",
            "reviewComplianceRate", "reactive"}, name = "RiskFigures")
    public record RiskFigures(RiskLevel riskLevel, long inScope, long overdue, double complianceRate,
            @Schema(description = "Absent when nobody at this risk level is overdue") Long oldestDaysOverdue,
            long overdueRiskReviews, long inCommunity, double reviewComplianceRate, long reactive) {
    }

    /** How many are overdue by a number of days in this band. */
    @Schema(requiredProperties = {"band", "overdue"}, name = "BandFigures")
    public record BandFigures(Band band, long overdue) {
    }

    /** How many at this risk level are overdue by a number of days in this band. */
    @Schema(requiredProperties = {"riskLevel", "band", "overdue"}, name = "RiskBandFigures")
    public record RiskBandFigures(RiskLevel riskLevel, Band band, long overdue) {
    }

    /** One manager's caseload (every offender they manage) and how many of it are in scope and overdue. */
    @Schema(requiredProperties = {"managerId", "caseload", "inScope", "overdue"}, name = "ManagerFigures")
    public record ManagerFigures(UUID managerId, long caseload, long inScope, long overdue) {
    }

    /** The share of in-scope offenders not overdue, to four places; 1 when nobody is in scope. */
    public static double rate(long inScope, long overdue) {
        return inScope == 0 ? 1.0 : Math.round((inScope - overdue) * 10_000.0 / inScope) / 10_000.0;
    }
}
