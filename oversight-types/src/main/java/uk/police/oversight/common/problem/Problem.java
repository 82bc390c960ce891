package uk.police.oversight.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RFC 9457 problem details: the one shape of every error answer from every service. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(requiredProperties = {"type", "title", "status"}, name = "Problem", description = "RFC 9457 problem details (media type application/problem+json)")
public record Problem(
        @Schema(description = "URI identifying the kind of problem", examples = "urn:oversight:problem:validation")
        String type,
        @Schema(description = "Short summary of the kind of problem", examples = "Validation failed")
        String title,
        @Schema(description = "HTTP status code", examples = "422")
        int status,
        @Schema(description = "What went wrong with this request", examples = "2 fields are invalid")
        String detail,
        @Schema(description = "The request path", examples = "/api/v1/offenders")
        String instance,
        @Schema(description = "Correlation id of the request (also in the X-Request-Id header)",
                examples = "5b0f8c1e-2d7a-4b5e-9a53-7c1d0f0a9e21")
        String requestId,
        @Schema(description = "W3C trace id of the request, to find its trace and log lines (docs/runbook.md)",
                examples = "4bf92f3577b34da6a3ce929d0e0e4736", pattern = "^[0-9a-f]{32}$")
        String traceId,
        @Schema(description = "Field-level errors, for validation problems")
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
