package uk.police.oversight.assurance.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.police.oversight.assurance.sample.Stratification;

/** What to draw a sample from, how many, for whom and for how long. */
@Schema(name = "AssuranceSampleRequest", requiredProperties = {"title", "population", "size", "panelMembers", "accessFrom", "accessUntil"})
public record SampleRequest(
        @NotBlank @Size(max = 200) @Schema(examples = "Panel dip-sample, January to June 2022") String title,
        @NotNull @Valid Population population,
        @NotNull @Min(1) @Max(500) @Schema(examples = "20") Integer size,
        @Schema(description = "Share the size across risk levels or areas in proportion to their populations; absent: no strata")
        Stratification stratifyBy,
        @Size(min = 1, max = 200) @Schema(description = "Anyone with the seed and the population can redraw the sample; "
                + "absent: one is drawn at random and kept", examples = "panel-2022-07") String seed,
        @NotEmpty @Size(max = 20) @Schema(description = "The `sub` of each panel member who may read the case files",
                examples = "[\"panel-member\"]") List<@NotBlank @Size(max = 200) String> panelMembers,
        @NotNull @Schema(description = "First day the members may read the case files (inclusive, Europe/London)",
                examples = "2022-07-04") LocalDate accessFrom,
        @NotNull @Schema(description = "Last day the members may read the case files (inclusive)", examples = "2022-07-29")
        LocalDate accessUntil) {

    /** Who the sample is drawn from. */
    @Schema(name = "AssurancePopulation", requiredProperties = {"from", "to"})
    public record Population(
            @NotNull @Schema(description = "Start of the period the panel reviews (inclusive)", examples = "2022-01-01") LocalDate from,
            @NotNull @Schema(description = "End of the period (inclusive): offenders registered by then and in the "
                    + "community on it; case files are as of this date", examples = "2022-06-30") LocalDate to,
            @Size(max = 50) @Schema(description = "Only these areas (all when absent)", examples = "[\"BRS\"]")
            List<@NotBlank @Size(max = 20) String> areaCodes,
            @Size(max = 4) @Schema(description = "Only these risk levels (all when absent)", examples = "[\"HIGH\", \"VERY_HIGH\"]")
            List<@NotBlank @Size(max = 10) String> riskLevels,
            @Schema(description = "Only those overdue a home visit on `to`") Boolean overdueOnly) {
    }
}
