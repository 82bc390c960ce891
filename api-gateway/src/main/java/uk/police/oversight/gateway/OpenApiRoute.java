package uk.police.oversight.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Serves the merged OpenAPI document at /q/openapi (YAML by default as Quarkus does, JSON on ?format=json or Accept). */
@ApplicationScoped
public class OpenApiRoute {

    public static final String PATH = "/q/openapi";
    private static final YAMLMapper YAML = new YAMLMapper();

    @Inject
    OpenApiAggregator aggregator;

    @Inject
    ObjectMapper objectMapper;

    void register(@Observes Router router) {
        router.get(PATH).order(-100).handler(this::serve);
    }

    void serve(RoutingContext context) {
        String format = context.request().getParam("format");
        String accept = context.request().getHeader("Accept");
        boolean json = "json".equalsIgnoreCase(format) || (format == null && accept != null && accept.contains("application/json"));
        context.vertx().<String>executeBlocking(() -> {
            var document = aggregator.document();
            return json ? objectMapper.writerWithDefaultPrettyPrinter().writeValueAsString(document) : YAML.writeValueAsString(document);
        }, false).onComplete(result -> {
            if (result.failed()) {
                context.fail(result.cause() instanceof JsonProcessingException ? 500 : 503, result.cause());
                return;
            }
            context.response().putHeader("Content-Type", json ? "application/json" : "application/yaml; charset=UTF-8")
                    .putHeader("Cache-Control", "no-cache").end(result.result());
        });
    }
}
