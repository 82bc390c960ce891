package uk.police.oversight.common.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import uk.police.oversight.common.problem.Problem;
import uk.police.oversight.common.problem.ProblemType;
import uk.police.oversight.common.tracing.TraceContext;

/**
 * Renders failures that happen below JAX-RS (a body over the size limit, a malformed request line) as problem+json,
 * so that no answer of the service is an empty body or an HTML page.
 */
@ApplicationScoped
public class HttpFailures {

    private static final Logger LOG = Logger.getLogger(HttpFailures.class);

    @Inject
    ObjectMapper objectMapper;

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::render);
    }

    void render(RoutingContext context) {
        if (context.response().ended() || context.response().headWritten()) {
            return;
        }
        int status = context.statusCode() > 0 ? context.statusCode() : 500;
        if (status >= 500) {
            LOG.errorf(context.failure(), "Request failed below the REST layer: %s %s", context.request().method(),
                    context.request().path());
        }
        ProblemType type = ProblemType.forStatus(status);
        String detail = switch (status) {
            case 413 -> "The request body is larger than this service accepts";
            case 431 -> "The request headers are too large";
            default -> status >= 500 ? "The request failed unexpectedly; quote the request id when reporting it" : type.title();
        };
        Problem problem = new Problem(type.uri(), type.title(), status, detail, context.request().path(),
                RequestIdFilter.of(context.request()), TraceContext.traceId(), null);
        try {
            context.response().setStatusCode(status)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(objectMapper.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.response().setStatusCode(status).end();
        }
    }
}
