package uk.police.oversight.visits.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How a page of overdue risk reviews looks in JSON, for the OpenAPI document (the answer is a Page of OverdueRiskReview). */
@Schema(requiredProperties = {"items", "page", "size", "totalItems", "totalPages"}, name = "PageOverdueRiskReview", description = "One page of offenders whose risk review is overdue")
public record OverdueRiskReviewPage(
        List<OverdueRiskReview> items,
        @Schema(examples = "0") int page,
        @Schema(examples = "50") int size,
        @Schema(examples = "151") long totalItems,
        @Schema(examples = "4") int totalPages) {
}
