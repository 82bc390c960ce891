package uk.police.oversight.assurance.snapshot;

import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The figures a snapshot freezes: visit-scheduler's summary for one date, without its per-manager breakdown (SPEC
 * section 9). Read from visit-scheduler, never recomputed here.
 */
@Schema(name = "SnapshotFigures", requiredProperties = {"inScope", "overdue", "complianceRate", "overdueRiskReviews",
        "inCommunity", "reviewComplianceRate", "reactive", "byArea", "byRiskLevel", "byBand", "byRiskAndBand"})
public record Figures(
        @Schema(description = "Offenders in the community, actively managed, registered by asOf", examples = "1187") long inScope,
        @Schema(description = "Of which overdue a home visit", examples = "217") long overdue,
        @Schema(description = "(inScope - overdue) / inScope", examples = "0.8172") double complianceRate,
        @Schema(description = "Days the longest-overdue offender was overdue; absent when none was", examples = "243") Long oldestDaysOverdue,
        @Schema(description = "Offenders in the community overdue a risk review", examples = "151") long overdueRiskReviews,
        @Schema(description = "Offenders in the community, either management mode", examples = "1376") long inCommunity,
        @Schema(description = "(inCommunity - overdueRiskReviews) / inCommunity", examples = "0.8903") double reviewComplianceRate,
        @Schema(description = "Reactively managed offenders in the community (never overdue a visit), counted apart", examples = "189") long reactive,
        List<Area> byArea,
        List<Risk> byRiskLevel,
        List<BandCount> byBand,
        List<RiskBand> byRiskAndBand) {

    /** One area's figures. */
    @Schema(name = "SnapshotAreaFigures", requiredProperties = {"areaCode", "inScope", "overdue", "complianceRate",
            "overdueRiskReviews", "inCommunity", "reviewComplianceRate", "reactive"})
    public record Area(@Schema(examples = "BRS") String areaCode, long inScope, long overdue, double complianceRate,
            Long oldestDaysOverdue, long overdueRiskReviews, long inCommunity, double reviewComplianceRate, long reactive) {
    }

    /** One risk level's figures. */
    @Schema(name = "SnapshotRiskFigures", requiredProperties = {"riskLevel", "inScope", "overdue", "complianceRate",
            "overdueRiskReviews", "inCommunity", "reviewComplianceRate", "reactive"})
    public record Risk(@Schema(examples = "HIGH") String riskLevel, long inScope, long overdue, double complianceRate,
            Long oldestDaysOverdue, long overdueRiskReviews, long inCommunity, double reviewComplianceRate, long reactive) {
    }

    /** How many were overdue by a number of days in this band. */
    @Schema(name = "SnapshotBandFigures", requiredProperties = {"band", "overdue"})
    public record BandCount(@Schema(examples = "31-90") String band, long overdue) {
    }

    /** How many at this risk level were overdue by a number of days in this band. */
    @Schema(name = "SnapshotRiskBandFigures", requiredProperties = {"riskLevel", "band", "overdue"})
    public record RiskBand(@Schema(examples = "HIGH") String riskLevel, @Schema(examples = "181+") String band, long overdue) {
    }

    /** A metric's value force-wide, for one area or for one risk level (never both); empty when not known. */
    public Optional<Double> value(Metric metric, String areaCode, String riskLevel) {
        if (areaCode != null) {
            return byArea.stream().filter(a -> a.areaCode().equals(areaCode)).findFirst()
                    .flatMap(a -> pick(metric, a.inScope(), a.overdue(), a.complianceRate(), a.oldestDaysOverdue(),
                            a.overdueRiskReviews(), a.reviewComplianceRate()));
        }
        if (riskLevel != null) {
            return byRiskLevel.stream().filter(r -> r.riskLevel().equals(riskLevel)).findFirst()
                    .flatMap(r -> pick(metric, r.inScope(), r.overdue(), r.complianceRate(), r.oldestDaysOverdue(),
                            r.overdueRiskReviews(), r.reviewComplianceRate()));
        }
        return pick(metric, inScope, overdue, complianceRate, oldestDaysOverdue, overdueRiskReviews, reviewComplianceRate);
    }

    /** The oldest overdue is 0 days when nobody is overdue: a figure, not a gap in the trend. */
    private static Optional<Double> pick(Metric metric, long inScope, long overdue, double rate, Long oldest, long reviews,
            double reviewRate) {
        return Optional.of(switch (metric) {
            case IN_SCOPE -> (double) inScope;
            case OVERDUE -> (double) overdue;
            case COMPLIANCE_RATE -> rate;
            case OLDEST_DAYS_OVERDUE -> oldest == null ? 0.0 : oldest.doubleValue();
            case OVERDUE_RISK_REVIEWS -> (double) reviews;
            case REVIEW_COMPLIANCE_RATE -> reviewRate;
        });
    }
}
