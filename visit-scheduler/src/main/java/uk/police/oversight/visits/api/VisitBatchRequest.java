package uk.police.oversight.visits.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Up to 1,000 visits to upsert. Items are read one by one, so one malformed item rejects only itself. */
@Schema(name = "VisitBatchRequest")
public record VisitBatchRequest(
        @NotNull @Size(min = 1, max = 1000, message = "must hold 1 to 1000 items")
        @Schema(description = "Visits, each shaped as VisitRequest with an externalRef", required = true,
                implementation = VisitRequest[].class)
        List<JsonNode> items) {
}
