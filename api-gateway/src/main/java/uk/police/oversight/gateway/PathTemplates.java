package uk.police.oversight.gateway;

import io.smallrye.common.vertx.ContextLocals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Names a request by the path template of the operation it reaches (`/api/v1/offenders/{id}`), as the services' own
 * metrics do, never by its raw path: a raw path carries offender and staff ids and PNC ids, and a path anyone can
 * invent would fill the metrics with labels. The templates are the merged OpenAPI document's paths; a path none
 * matches is named by the prefix of the service it goes to, or `/api/v1/**`.
 */
@ApplicationScoped
public class PathTemplates {

    /** The key Quarkus's HTTP metrics (and tracing) read the route template from. */
    static final String METRICS_KEY = "UrlPathTemplate";
    static final String UNMATCHED = "/api/v1/**";

    private record Template(String template, Pattern pattern, int literals) {
    }

    @Inject
    RouteTable routes;

    private volatile List<Template> templates = List.of();

    /** Takes the paths of a (new) merged document. */
    void update(Iterable<String> paths) {
        List<Template> compiled = new ArrayList<>();
        for (String path : paths) {
            StringBuilder regex = new StringBuilder();
            int literals = 0;
            for (String segment : path.substring(1).split("/", -1)) {
                regex.append('/');
                if (segment.startsWith("{") && segment.endsWith("}")) {
                    regex.append("[^/]+");
                } else {
                    regex.append(Pattern.quote(segment));
                    literals++;
                }
            }
            compiled.add(new Template(path, Pattern.compile(regex.toString()), literals));
        }
        // A literal segment wins over a parameter: /offenders/batch is not /offenders/{id}.
        compiled.sort(Comparator.comparingInt(Template::literals).reversed());
        templates = List.copyOf(compiled);
    }

    /** The template that names this raw path, bounded whatever the path holds. */
    public String of(String rawPath) {
        if (!rawPath.startsWith(ProxyRoute.API)) {
            return "/**";
        }
        for (Template template : templates) {
            if (template.pattern().matcher(rawPath).matches()) {
                return template.template();
            }
        }
        return routes.resolve(rawPath).map(target -> target.prefix() + "/**").orElse(UNMATCHED);
    }

    /** Labels the current request's metrics (and trace) with the template of its path. */
    public void label(String rawPath) {
        try {
            ContextLocals.put(METRICS_KEY, of(rawPath));
        } catch (UnsupportedOperationException | IllegalStateException e) {
            // Not on a request's context (a test calling a handler directly): nothing to label.
        }
    }
}
