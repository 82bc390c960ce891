package uk.police.oversight.offender.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Up to 1,000 offenders to upsert by PNC id. Items are read one by one, so one malformed item rejects only itself. */
@Schema(name = "OffenderBatchRequest")
public record BatchRequest(
        @NotNull @Size(min = 1, max = 1000, message = "must hold 1 to 1000 items")
        @Schema(description = "Offenders to upsert, each shaped as OffenderRequest", required = true,
                implementation = OffenderRequest[].class)
        List<JsonNode> items) {
}
