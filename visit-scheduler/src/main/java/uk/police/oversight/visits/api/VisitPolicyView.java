package uk.police.oversight.visits.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.police.oversight.visits.model.RiskLevel;

/** The force's visit policy; PUT replaces it whole (updatedAt and updatedBy are set by the service). */
@Schema(name = "VisitPolicy")
public record VisitPolicyView(
        @NotNull @Schema(description = "Months between home visits, by risk (1–24)",
                examples = "{\"VERY_HIGH\": 1, \"HIGH\": 3, \"MEDIUM\": 6, \"LOW\": 12}", required = true)
        Map<RiskLevel, @NotNull @Min(1) @Max(24) Integer> visitIntervalMonths,
        @NotNull @Schema(description = "Months between risk reviews, by risk (1–36)",
                examples = "{\"VERY_HIGH\": 12, \"HIGH\": 12, \"MEDIUM\": 12, \"LOW\": 12}", required = true)
        Map<RiskLevel, @NotNull @Min(1) @Max(36) Integer> riskReviewIntervalMonths,
        @NotNull @Min(1) @Max(365) @Schema(description = "Days after registration (or a return to the community) by which the first visit is due",
                examples = "28", required = true) Integer firstVisitWithinDays,
        @NotNull @Min(1) @Max(365) @Schema(description = "Days overdue after which supervisors are told", examples = "28", required = true)
        Integer escalateAfterDaysOverdue,
        @Schema(readOnly = true) Instant updatedAt,
        @Schema(readOnly = true, maxLength = 200, examples = "admin-user") String updatedBy) {
}
