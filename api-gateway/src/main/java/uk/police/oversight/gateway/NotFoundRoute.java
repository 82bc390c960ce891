package uk.police.oversight.gateway;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import org.jboss.logging.Logger;
import uk.police.oversight.common.problem.ProblemType;

/**
 * Anything no route serves answers a 404 problem from the gateway itself; a request that fails on the way (a body
 * larger than the HTTP layer takes, an unexpected error) answers the problem of its status, never a bare page.
 */
@ApplicationScoped
public class NotFoundRoute {

    private static final Logger LOG = Logger.getLogger(NotFoundRoute.class);

    @Inject
    EdgeResponses edge;

    @Inject
    PathTemplates templates;

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(context -> {
            if (context.response().ended() || context.response().headWritten()) {
                return;
            }
            int status = context.statusCode() > 0 ? context.statusCode() : 500;
            if (status >= 500) {
                LOG.errorf(context.failure(), "Request failed in the gateway: %s %s", context.request().method(), context.request().path());
            }
            ProblemType type = ProblemType.forStatus(status);
            edge.send(context.request(), type, status >= 500 ? "The request failed unexpectedly; quote the request id when reporting it"
                    : type.title(), Map.of());
        });
        router.route().last().handler(context -> {
            templates.label(context.request().path());
            edge.send(context.request(), ProblemType.NOT_FOUND, "No resource at " + context.request().path(), Map.of());
        });
    }
}
