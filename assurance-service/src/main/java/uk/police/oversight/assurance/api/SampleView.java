package uk.police.oversight.assurance.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.police.oversight.assurance.sample.Stratification;

/** An assurance sample: how it was drawn (enough to draw it again), who may read it and when, and its cases by pseudonym. */
@Schema(name = "AssuranceSample", requiredProperties = {"id", "title", "population", "size", "seed", "algorithm",
        "populationSize", "panelMembers", "accessFrom", "accessUntil", "createdAt", "cases", "strata", "reproduce"})
public record SampleView(
        UUID id,
        String title,
        SampleRequest.Population population,
        int size,
        Stratification stratifyBy,
        String seed,
        @Schema(examples = "sha256-rank-v1") String algorithm,
        @Schema(description = "How many offenders the sample was drawn from", examples = "1187") int populationSize,
        List<String> panelMembers,
        LocalDate accessFrom,
        LocalDate accessUntil,
        Instant createdAt,
        List<Case> cases,
        @Schema(description = "Each stratum's population and share of the sample (one, named ALL, without strata)") List<Stratum> strata,
        @Schema(description = "How anyone can draw the same cases from the seed") String reproduce) {

    /** A drawn case: its pseudonym and stratum. */
    @Schema(name = "SampleCase", requiredProperties = {"caseRef"})
    public record Case(@Schema(examples = "3f2a9c1e-01") String caseRef, @Schema(examples = "HIGH") String stratum,
            @Schema(description = "Whether a finding has been recorded") boolean findingRecorded) {
    }

    /** A stratum's population and how many cases it gave. */
    @Schema(name = "SampleStratum", requiredProperties = {"stratum", "population", "cases"})
    public record Stratum(@Schema(examples = "HIGH") String stratum, int population, int cases) {
    }
}
