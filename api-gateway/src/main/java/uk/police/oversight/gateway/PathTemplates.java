package uk.police.oversight.gateway;

import io.smallrye.common.vertx.ContextLocals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * The templates by their first three segments (`/api/v1/offenders`), each list most literal first, so that a
     * request tries the handful of its resource's templates rather than all of them; {@link #ANY} holds those with a
     * parameter among their first three segments, tried after.
     */
    private volatile Map<String, List<Template>> templates = Map.of();
    private static final String ANY = "*";

    /** Takes the paths of a (new) merged document. */
    void update(Iterable<String> paths) {
        Map<String, List<Template>> compiled = new HashMap<>();
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
            String resource = resource(path);
            compiled.computeIfAbsent(resource == null || resource.contains("{") ? ANY : resource, key -> new ArrayList<>())
                    .add(new Template(path, Pattern.compile(regex.toString()), literals));
        }
        // A literal segment wins over a parameter: /offenders/batch is not /offenders/{id}.
        Map<String, List<Template>> sorted = new HashMap<>();
        compiled.forEach((resource, list) -> {
            list.sort(Comparator.comparingInt(Template::literals).reversed());
            sorted.put(resource, List.copyOf(list));
        });
        templates = Map.copyOf(sorted);
    }

    /** The template that names this raw path, bounded whatever the path holds. */
    public String of(String rawPath) {
        if (!rawPath.startsWith(ProxyRoute.API)) {
            return "/**";
        }
        Map<String, List<Template>> known = templates;
        String resource = resource(rawPath);
        for (List<Template> candidates : List.of(resource == null ? List.<Template>of() : known.getOrDefault(resource, List.of()),
                known.getOrDefault(ANY, List.of()))) {
            for (Template template : candidates) {
                if (template.pattern().matcher(rawPath).matches()) {
                    return template.template();
                }
            }
        }
        return routes.resolve(rawPath).map(target -> target.prefix() + "/**").orElse(UNMATCHED);
    }

    /** A path's first three segments (`/api/v1/offenders` of `/api/v1/offenders/{id}`), or null when it has fewer. */
    static String resource(String path) {
        int slashes = 0;
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/' && ++slashes == 4) {
                return path.substring(0, i);
            }
        }
        return slashes == 3 ? path : null;
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
