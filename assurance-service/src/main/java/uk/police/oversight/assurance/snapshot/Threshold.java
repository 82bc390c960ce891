package uk.police.oversight.assurance.snapshot;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a metric turns amber and red. */
@Schema(name = "PerformanceThreshold", requiredProperties = {"metric", "better", "green", "amber"})
public record Threshold(
        @NotNull Metric metric,
        @NotNull @Schema(description = "Which way is better") Metric.Better better,
        @NotNull @Schema(description = "At least as good as this is GREEN", examples = "0.95") Double green,
        @NotNull @Schema(description = "At least as good as this (but not green) is AMBER; worse is RED", examples = "0.90") Double amber) {

    boolean atLeastAsGood(double value, double bound) {
        return better == Metric.Better.HIGHER ? value >= bound : value <= bound;
    }
}
