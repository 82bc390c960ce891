package uk.police.oversight.assurance.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a sample's panel found, counted: by grade, by stratum and by flag. No personal data, no observations. */
@Schema(name = "AssuranceSampleReport", requiredProperties = {"sampleId", "title", "cases", "findings", "byGrade", "byStratum", "byFlag"})
public record SampleReportView(
        UUID sampleId,
        String title,
        @Schema(examples = "20") int cases,
        @Schema(description = "How many cases have a finding", examples = "18") int findings,
        @Schema(description = "Findings per grade (every grade listed)") Map<String, Integer> byGrade,
        List<StratumCounts> byStratum,
        @Schema(description = "Findings carrying each flag (every flag listed)") Map<String, Integer> byFlag) {

    /** One stratum's cases and findings per grade. */
    @Schema(name = "SampleReportStratum", requiredProperties = {"stratum", "cases", "findings", "byGrade"})
    public record StratumCounts(String stratum, int cases, int findings, Map<String, Integer> byGrade) {
    }
}
