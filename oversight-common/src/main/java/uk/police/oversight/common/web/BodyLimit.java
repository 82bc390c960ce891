package uk.police.oversight.common.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.police.oversight.common.problem.Problem;
import uk.police.oversight.common.problem.ProblemType;
import uk.police.oversight.common.tracing.TraceContext;

/**
 * Answers a request whose declared Content-Length exceeds the body limit with a 413 problem before anything reads
 * it (Vert.x's own check would answer with an empty body).
 */
@ApplicationScoped
public class BodyLimit {

    @Inject
    ObjectMapper objectMapper;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBodySize;

    void register(@Observes Filters filters) {
        if (maxBodySize.isEmpty()) {
            return;
        }
        long limit = maxBodySize.get().asLongValue();
        filters.register(rc -> {
            String declared = rc.request().getHeader("Content-Length");
            if (declared != null && tooLarge(declared, limit)) {
                Problem problem = new Problem(ProblemType.PAYLOAD_TOO_LARGE.uri(), ProblemType.PAYLOAD_TOO_LARGE.title(), 413,
                        "The request body is larger than the " + limit + " bytes this service accepts",
                        rc.request().path(), RequestIdFilter.of(rc.request()), TraceContext.traceId(), null);
                rc.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close").end(json(problem));
                return;
            }
            rc.next();
        }, 900);
    }

    private static boolean tooLarge(String declared, long limit) {
        try {
            return Long.parseLong(declared.strip()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private String json(Problem problem) {
        try {
            return objectMapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
