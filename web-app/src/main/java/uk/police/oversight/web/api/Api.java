package uk.police.oversight.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.AccessTokenCredential;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import uk.police.oversight.web.WebConfig;

/**
 * The API, through the gateway, as the signed-in user: every call carries the user's own access token, so the areas,
 * roles and audit of the API apply to the pages unchanged. The token stays on the server; the browser has only the
 * encrypted session cookie.
 */
@RequestScoped
public class Api {

    private static final Logger LOG = Logger.getLogger(Api.class);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();

    /** A file the API answered: its bytes, media type and the file name it suggested. */
    public record Download(byte[] body, String contentType, String disposition, String contentSecurityPolicy) {
    }

    @Inject
    AccessTokenCredential accessToken;

    @Inject
    WebConfig config;

    @Inject
    ObjectMapper mapper;

    /** A record and the ETag it was read with (for a change sent back with If-Match). */
    public record Tagged(JsonNode body, String etag) {
    }

    /** GET a record with its ETag. */
    public Tagged getTagged(String path) {
        HttpResponse<byte[]> response = send(request(path, Map.of()).GET().header("Accept", "application/json"));
        return new Tagged(json(response), response.headers().firstValue("ETag").orElse(null));
    }

    /** GET {@code path} (under /api/v1) with the query's non-blank values; the JSON answer. */
    public JsonNode get(String path, Map<String, ?> query) {
        return json(send(request(path, query).GET().header("Accept", "application/json")));
    }

    public JsonNode get(String path) {
        return get(path, Map.of());
    }

    /**
     * GET each path at once (in parallel, each as the signed-in user), for a page that needs one small answer per row;
     * the answers in the order of the paths. The first problem any of them answered is thrown.
     */
    public List<JsonNode> getEach(List<String> paths) {
        List<java.util.concurrent.CompletableFuture<HttpResponse<byte[]>>> answers = new ArrayList<>();
        for (String path : paths) {
            HttpRequest request = request(path, Map.of()).GET().header("Accept", "application/json").build();
            answers.add(CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()));
        }
        List<JsonNode> results = new ArrayList<>();
        for (var answer : answers) {
            try {
                results.add(json(answer.join()));
            } catch (java.util.concurrent.CompletionException e) {
                LOG.warnf("The gateway did not answer: %s", e.getCause().toString());
                throw new ApiProblem(503, "The service is not answering; try again shortly", List.of());
            }
        }
        return results;
    }

    /** GET a non-JSON representation (CSV, PDF, HTML), to hand on to the browser as a download. */
    public Download download(String path, Map<String, ?> query, String accept) {
        HttpResponse<byte[]> response = send(request(path, query).GET().header("Accept", accept));
        if (response.statusCode() >= 400) {
            throw problem(response);
        }
        return new Download(response.body(), response.headers().firstValue("Content-Type").orElse(accept),
                response.headers().firstValue("Content-Disposition").orElse(null),
                response.headers().firstValue("Content-Security-Policy").orElse(null));
    }

    public JsonNode post(String path, Object body) {
        return json(send(request(path, Map.of()).POST(body(body)).header("Content-Type", "application/json")
                .header("Accept", "application/json")));
    }

    public JsonNode put(String path, Object body, String ifMatch) {
        HttpRequest.Builder builder = request(path, Map.of()).PUT(body(body)).header("Content-Type", "application/json")
                .header("Accept", "application/json");
        if (ifMatch != null) {
            builder.header("If-Match", ifMatch);
        }
        return json(send(builder));
    }

    /** The JSON answer as plain maps, lists, strings, numbers and booleans, for a template. */
    public Object plain(JsonNode node) {
        return mapper.convertValue(node, Object.class);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> map(JsonNode node) {
        return (Map<String, Object>) plain(node);
    }

    private HttpRequest.Builder request(String path, Map<String, ?> query) {
        StringBuilder uri = new StringBuilder(config.gatewayUrl().toString().replaceAll("/$", "")).append("/api/v1").append(path);
        char separator = '?';
        for (Map.Entry<String, ?> parameter : query.entrySet()) {
            Object value = parameter.getValue();
            if (value == null || value.toString().isBlank()) {
                continue;
            }
            uri.append(separator).append(parameter.getKey()).append('=')
                    .append(URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return HttpRequest.newBuilder(URI.create(uri.toString())).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + accessToken.getToken())
                .header("User-Agent", "oversight-web-app");
    }

    private HttpRequest.BodyPublisher body(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            LOG.warnf("The gateway did not answer %s %s: %s", request.method(), request.uri().getPath(), e.toString());
            throw new ApiProblem(503, "The service is not answering; try again shortly", List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiProblem(503, "Interrupted", List.of());
        }
    }

    private JsonNode json(HttpResponse<byte[]> response) {
        if (response.statusCode() >= 400) {
            throw problem(response);
        }
        try {
            return response.body().length == 0 ? mapper.nullNode() : mapper.readTree(response.body());
        } catch (IOException e) {
            throw new ApiProblem(502, "The API answered something other than JSON", List.of());
        }
    }

    private ApiProblem problem(HttpResponse<byte[]> response) {
        String detail = "The API answered " + response.statusCode();
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        try {
            JsonNode problem = mapper.readTree(response.body());
            if (problem.hasNonNull("detail")) {
                detail = problem.get("detail").asText();
            }
            for (JsonNode error : problem.path("errors")) {
                errors.add(new ApiProblem.FieldError(error.path("field").asText(""), error.path("message").asText("")));
            }
        } catch (IOException | RuntimeException e) {
            // Not a problem document (a proxy's page): the status says enough.
        }
        if (response.statusCode() >= 500) {
            LOG.warnf("The API answered %d for %s: %s", response.statusCode(), response.uri().getPath(), detail);
        }
        return new ApiProblem(response.statusCode(), detail, errors);
    }

    /** A query, its parameters in the order given. */
    public static Map<String, Object> query(Object... keysAndValues) {
        Map<String, Object> query = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            query.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return query;
    }
}
