package uk.police.oversight.visits.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How a page of the overdue list looks in JSON, for the OpenAPI document (the answer is a Page of OverdueVisit). */
@Schema(requiredProperties = {"items", "page", "size", "totalItems", "totalPages"}, name = "PageOverdueVisit", description = "One page of offenders overdue a home visit")
public record OverdueVisitPage(
        List<OverdueVisit> items,
        @Schema(examples = "0") int page,
        @Schema(examples = "50") int size,
        @Schema(examples = "217") long totalItems,
        @Schema(examples = "5") int totalPages) {
}
