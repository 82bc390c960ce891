package uk.police.oversight.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which upstream owns a path: the route with the longest matching prefix. */
@ApplicationScoped
public class RouteTable {

    /** An upstream and one path prefix it owns. */
    public record Target(String service, URI url, String prefix) {
    }

    private final List<Target> targets;

    @Inject
    public RouteTable(GatewayConfig config) {
        this.targets = config.routes().entrySet().stream()
                .flatMap(route -> route.getValue().paths().stream()
                        .map(prefix -> new Target(route.getKey(), route.getValue().url(), stripSlash(prefix))))
                .sorted(Comparator.comparingInt((Target t) -> t.prefix().length()).reversed())
                .toList();
    }

    public Optional<Target> resolve(String path) {
        return targets.stream().filter(t -> path.equals(t.prefix()) || path.startsWith(t.prefix() + "/")).findFirst();
    }

    /** Each upstream service once, by name. */
    public Map<String, URI> services() {
        return targets.stream().collect(java.util.stream.Collectors.toMap(Target::service, Target::url, (a, b) -> a,
                java.util.TreeMap::new));
    }

    private static String stripSlash(String prefix) {
        return prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    }
}
