package uk.police.oversight.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * The one OpenAPI document of the whole API, derived from the services' own documents (never hand-copied): their
 * paths, schemas, tags and security scheme merged into one, refreshed every minute, so it stays true as they change.
 * Two services defining a schema of the same name differently keep both, the second renamed after its service.
 */
@ApplicationScoped
public class OpenApiAggregator {

    private static final Logger LOG = Logger.getLogger(OpenApiAggregator.class);

    @Inject
    RouteTable routes;

    @Inject
    GatewayConfig config;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    PathTemplates templates;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, JsonNode> documents = new TreeMap<>();
    private volatile ObjectNode merged;

    void start(@Observes StartupEvent event) {
        CompletableFuture.runAsync(this::refresh);
    }

    @Scheduled(every = "${oversight.gateway.openapi-refresh:60s}", delayed = "5s",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        refresh();
    }

    /** Fetches every service's document (keeping the last good one of a service that does not answer) and merges. */
    public synchronized ObjectNode refresh() {
        for (Map.Entry<String, URI> service : routes.services().entrySet()) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(service.getValue().resolve("/q/openapi?format=json"))
                        .timeout(Duration.ofSeconds(5)).header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    documents.put(service.getKey(), objectMapper.readTree(response.body()));
                }
            } catch (Exception e) {
                LOG.debugf("No OpenAPI document from %s yet: %s", service.getKey(), e.toString());
            }
        }
        merged = merge(documents);
        templates.update(() -> merged.path("paths").fieldNames());
        return merged;
    }

    /** The merged document; {@code x-oversight-missing} lists services whose documents could not be fetched yet. */
    public ObjectNode document() {
        ObjectNode current = merged;
        if (current == null || current.path("x-oversight-missing").size() > 0) {
            current = refresh();
        }
        return current;
    }

    ObjectNode merge(Map<String, JsonNode> sources) {
        ObjectNode doc = objectMapper.createObjectNode();
        doc.put("openapi", "3.1.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "Offender Management Oversight API");
        info.put("version", "1.0");
        info.put("description", """
                The single public API of Offender Management Oversight: the register of offenders, their visits and the \
                compliance engine (who is overdue a visit or a risk review), notifications, the audit log, and the \
                oversight layer (snapshots, trends, assurance samples, the action tracker, the monthly report pack). Every \
                call needs a bearer token (RS256 JWT from the force's identity provider) whose `groups` claim holds the \
                caller's roles (offender-manager, supervisor, integration, scrutiny, panel, admin) and whose `areas` claim \
                holds the areas an offender manager or supervisor may see; records outside them answer 404, exactly as \
                unknown ones do. Errors are RFC 9457 `application/problem+json`: 400 when the request cannot be read as \
                the operation's request (a body that is not JSON, a value of the wrong JSON type, a value outside an \
                enumeration, a malformed date or UUID, an unknown field; any path, query or header value that is \
                malformed or outside its limits), 422 when the body can be read but one of its values breaks a rule (a \
                required field missing, a length, range or pattern, a wrong PNC check letter, a date in the future, a \
                record that does not exist), and for a PNC id in the `by-pnc` path whose check letter is wrong. Send `X-Justification` to record why you consulted a record, \
                and `X-Request-Id` to correlate; every answer carries one. Rate limited per client: every answer carries \
                `RateLimit` and `RateLimit-Policy` (IETF draft), and a 429 `Retry-After`. The rules in full: docs/api.md.""");
        info.putObject("license").put("name", "Crown copyright; for use by UK police forces")
                .put("url", "https://www.nationalarchives.gov.uk/information-management/re-using-public-sector-information/uk-government-licensing-framework/crown-copyright/");
        ObjectNode paths = doc.putObject("paths");
        ObjectNode schemas = objectMapper.createObjectNode();
        ObjectNode securitySchemes = objectMapper.createObjectNode();
        Map<String, JsonNode> tags = new LinkedHashMap<>();
        ArrayNode missing = objectMapper.createArrayNode();
        for (String service : routes.services().keySet()) {
            JsonNode source = sources.get(service);
            if (source == null) {
                missing.add(service);
                continue;
            }
            JsonNode copy = source.deepCopy();
            Map<String, String> renamed = new LinkedHashMap<>();
            copy.path("components").path("schemas").fields().forEachRemaining(schema -> {
                JsonNode existing = schemas.get(schema.getKey());
                if (existing != null && !existing.equals(schema.getValue())) {
                    renamed.put(schema.getKey(), pascal(service) + schema.getKey());
                }
            });
            if (!renamed.isEmpty()) {
                rewriteRefs(copy, renamed);
            }
            copy.path("components").path("schemas").fields().forEachRemaining(schema ->
                    schemas.set(renamed.getOrDefault(schema.getKey(), schema.getKey()), schema.getValue()));
            copy.path("components").path("securitySchemes").fields().forEachRemaining(scheme ->
                    securitySchemes.set(scheme.getKey(), scheme.getValue()));
            copy.path("paths").fields().forEachRemaining(path -> {
                if (paths.has(path.getKey())) {
                    LOG.warnf("Path %s is served by two services; keeping the first", path.getKey());
                } else if (routes.resolve(path.getKey()).map(t -> t.service().equals(service)).orElse(false)) {
                    paths.set(path.getKey(), path.getValue());
                }
            });
            for (JsonNode tag : copy.path("tags")) {
                tags.putIfAbsent(tag.path("name").asText(), tag);
            }
        }
        ArrayNode tagList = doc.putArray("tags");
        tags.values().forEach(tagList::add);
        ObjectNode components = doc.putObject("components");
        components.set("schemas", sorted(schemas));
        components.set("securitySchemes", securitySchemes);
        OpenApiConventions.apply(doc, config.publicUrl(), (int) config.maxBodySize());
        if (!missing.isEmpty()) {
            doc.set("x-oversight-missing", missing);
        }
        return doc;
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> renamed) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith("#/components/schemas/")) {
                String name = ref.asText().substring("#/components/schemas/".length());
                if (renamed.containsKey(name)) {
                    object.put("$ref", "#/components/schemas/" + renamed.get(name));
                }
            }
            for (Iterator<JsonNode> children = object.elements(); children.hasNext(); ) {
                rewriteRefs(children.next(), renamed);
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> rewriteRefs(child, renamed));
        }
    }

    private ObjectNode sorted(ObjectNode node) {
        ObjectNode sorted = objectMapper.createObjectNode();
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        names.stream().sorted().forEach(name -> sorted.set(name, node.get(name)));
        return sorted;
    }

    private static String pascal(String service) {
        StringBuilder name = new StringBuilder();
        for (String part : service.split("-")) {
            name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return name.toString();
    }
}
