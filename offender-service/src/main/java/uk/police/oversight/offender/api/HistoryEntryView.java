package uk.police.oversight.offender.api;

import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.police.oversight.offender.model.HistoryEntry;

/** One change to an offender's record. */
@Schema(requiredProperties = {"at", "actor", "change", "after"}, name = "HistoryEntry")
public record HistoryEntryView(
        Instant at,
        @Schema(description = "Subject of the token that made the change", examples = "dc.morgan") String actor,
        HistoryEntry.Change change,
        @Schema(description = "The changed fields before the change (absent for a registration)",
                examples = "{\"riskLevel\": \"MEDIUM\"}") Map<String, Object> before,
        @Schema(description = "The changed fields after the change", examples = "{\"riskLevel\": \"HIGH\"}")
        Map<String, Object> after,
        String requestId) {
}
