package uk.police.oversight.gateway;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import uk.police.oversight.common.problem.ProblemType;

/** Anything no route serves answers a 404 problem from the gateway itself. */
@ApplicationScoped
public class NotFoundRoute {

    @Inject
    EdgeResponses edge;

    @Inject
    PathTemplates templates;

    void register(@Observes Router router) {
        router.route().last().handler(context -> {
            templates.label(context.request().path());
            edge.send(context.request(), ProblemType.NOT_FOUND, "No resource at " + context.request().path(), Map.of());
        });
    }
}
