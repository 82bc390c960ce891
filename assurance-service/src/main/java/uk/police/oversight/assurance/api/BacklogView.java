package uk.police.oversight.assurance.api;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How old the backlog of overdue home visits is: band by risk level, the oldest per risk level, the reactive apart. */
@Schema(name = "BacklogAgeing", requiredProperties = {"asOf", "overdue", "bands", "byRiskLevel", "byBand", "reactive"})
public record BacklogView(
        @Schema(examples = "2022-06-30") LocalDate asOf,
        @Schema(examples = "BRS") String areaCode,
        @Schema(description = "Overdue a home visit, all risk levels", examples = "217") long overdue,
        @Schema(description = "Days the longest-overdue offender is overdue", examples = "243") Long oldestDaysOverdue,
        @Schema(description = "The bands, in order", examples = "[\"1-30\", \"31-90\", \"91-180\", \"181+\"]") List<String> bands,
        @Schema(description = "Highest risk first") List<RiskRow> byRiskLevel,
        @Schema(description = "All risk levels together") List<BandCell> byBand,
        @Schema(description = "Reactively managed offenders in the community: no scheduled visits, so never in the "
                + "backlog; counted apart", examples = "189") long reactive) {

    /** One risk level's overdue, by band, and its oldest. */
    @Schema(name = "BacklogRiskRow", requiredProperties = {"riskLevel", "inScope", "overdue", "byBand"})
    public record RiskRow(@Schema(examples = "HIGH") String riskLevel, long inScope, long overdue,
            @Schema(description = "Absent when none at this level is overdue", examples = "243") Long oldestDaysOverdue,
            @Schema(description = "Reactively managed at this level, counted apart") long reactive, List<BandCell> byBand) {
    }

    /** How many are overdue by a number of days in one band. */
    @Schema(name = "BacklogBandCell", requiredProperties = {"band", "overdue"})
    public record BandCell(@Schema(examples = "181+") String band, long overdue) {
    }
}
