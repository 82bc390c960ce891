package uk.police.oversight.common.problem;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** Builds problem+json responses; the only place that knows the wire shape of an error. */
public final class ProblemResponses {

    public static final MediaType PROBLEM_JSON = MediaType.valueOf(Problem.MEDIA_TYPE);

    private ProblemResponses() {
    }

    public static Response of(ProblemType type, String detail, List<FieldError> errors, Map<String, String> headers,
            String instance, String requestId) {
        Problem problem = new Problem(type.uri(), type.title(), type.status(), detail, instance, requestId, uk.police.oversight.common.tracing.TraceContext.traceId(),
                errors == null || errors.isEmpty() ? null : errors);
        Response.ResponseBuilder builder = Response.status(type.status()).type(PROBLEM_JSON).entity(problem);
        if (headers != null) {
            headers.forEach(builder::header);
        }
        return builder.build();
    }

    public static Response of(ProblemType type, String detail, String instance, String requestId) {
        return of(type, detail, List.of(), Map.of(), instance, requestId);
    }
}
