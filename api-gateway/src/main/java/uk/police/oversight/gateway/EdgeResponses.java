package uk.police.oversight.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import uk.police.oversight.common.problem.Problem;
import uk.police.oversight.common.problem.ProblemType;
import uk.police.oversight.common.web.RequestIds;

/** The problem+json answers the gateway gives itself (no route, no token, too many requests, upstream down, …). */
@ApplicationScoped
public class EdgeResponses {

    @Inject
    ObjectMapper objectMapper;

    public Buffer body(ProblemType type, String detail, HttpServerRequest request) {
        return json(new Problem(type.uri(), type.title(), type.status(), detail, request.path(), request.getHeader(RequestIds.HEADER),
                uk.police.oversight.common.tracing.TraceContext.traceId(), null));
    }

    public Buffer json(Problem problem) {
        try {
            return Buffer.buffer(objectMapper.writeValueAsBytes(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public void send(HttpServerRequest request, ProblemType type, String detail, Map<String, String> headers) {
        HttpServerResponse response = request.response();
        if (response.ended()) {
            return;
        }
        // The body is not read: the connection cannot carry another request.
        if (!request.isEnded()) {
            response.putHeader("Connection", "close");
        }
        response.setStatusCode(type.status()).putHeader("Content-Type", Problem.MEDIA_TYPE);
        headers.forEach(response::putHeader);
        response.end(body(type, detail, request));
    }
}
