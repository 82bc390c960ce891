package uk.police.oversight.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.police.oversight.common.problem.ProblemType;

/**
 * What every operation of the merged document has in common, written into it once, here, because the gateway and
 * the framework under every service answer it on every operation (docs/api.md): the 400 for a malformed request,
 * 401, 403, 406, 413 and 415 where a body is taken, 429 and 503 with Retry-After; the rate-limit headers
 * (RateLimit, RateLimit-Policy) and X-Request-Id on every answer; the X-Justification request header where an answer
 * names offenders;
 * a problem example per status; and the shapes generated clients need (scalars inline, no `type` beside `$ref`, no
 * example pre-filled into an optional filter).
 */
final class OpenApiConventions {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String PROBLEM = "application/problem+json";
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    /** Scalars that SmallRye names as components; inlined where used (a generator turns them into classes otherwise). */
    private static final Map<String, ObjectNode> SCALARS = Map.of(
            "UUID", scalar("uuid", 36, 36),
            "LocalDate", scalar("date", 10, 10),
            "Instant", scalar("date-time", 20, 35));

    /** Response headers some operations send, each in one shape. */
    private static final Map<String, ObjectNode> STANDARD_HEADERS = Map.of(
            "ETag", header("The record's version, for If-Match on a later change", NODES.objectNode().put("type", "string")
                    .put("maxLength", 24).put("pattern", "^\"[0-9]{1,20}\"$")),
            "Location", header("Where the record (or the job) is", NODES.objectNode().put("type", "string").put("format", "uri")
                    .put("maxLength", 2048)),
            "Content-Disposition", header("A download: attachment, with a file name", NODES.objectNode().put("type", "string")
                    .put("maxLength", 200)));

    private OpenApiConventions() {
    }

    /** Applies the conventions to a merged document, in place. */
    static ObjectNode apply(ObjectNode doc, Optional<String> publicUrl, int maxBodyBytes) {
        ObjectNode components = doc.with("components");
        ObjectNode schemas = components.with("schemas");
        SCALARS.keySet().forEach(schemas::remove);
        inlineScalars(doc);
        servers(doc, publicUrl);
        commonParts(components);
        securityScheme(components);
        JsonNode paths = doc.path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (String method : METHODS) {
                if (path.getValue().has(method)) {
                    operation(path.getKey(), (ObjectNode) path.getValue().get(method), maxBodyBytes, schemas);
                }
            }
        }
        asOpenApi30(doc);
        return doc;
    }

    /**
     * Writes the document as OpenAPI 3.0.3, which every generator and validator a force may use reads without
     * caveat (OpenAPI Generator still calls 3.1 beta): a schema's `examples` become its `example`, a `null` in a type
     * list becomes `nullable`, `const` an enum of one, nothing beside a `$ref`, and security requirements list no
     * roles (3.0 allows scopes only for OAuth; each operation's description names its roles).
     */
    static void asOpenApi30(ObjectNode doc) {
        doc.put("openapi", "3.0.3");
        if (doc.path("info").path("license") instanceof ObjectNode license) {
            license.remove("identifier");
        }
        JsonNode schemas = doc.path("components").path("schemas");
        schemas.elements().forEachRemaining(OpenApiConventions::schema30);
        doc.path("components").path("headers").elements().forEachRemaining(header -> schema30(header.path("schema")));
        doc.path("components").path("parameters").elements().forEachRemaining(parameter -> schema30(parameter.path("schema")));
        doc.path("paths").elements().forEachRemaining(path -> path.fields().forEachRemaining(entry -> {
            if (!METHODS.contains(entry.getKey())) {
                return;
            }
            JsonNode operation = entry.getValue();
            operation.path("parameters").forEach(parameter -> schema30(parameter.path("schema")));
            operation.path("requestBody").path("content").elements().forEachRemaining(media -> {
                schema30(media.path("schema"));
                // A generator ignores (and warns about) an example body of a modelled type; each property's example
                // still makes Swagger UI's example body.
                ((ObjectNode) media).remove("examples");
                ((ObjectNode) media).remove("example");
            });
            operation.path("responses").elements().forEachRemaining(response -> {
                response.path("content").elements().forEachRemaining(media -> schema30(media.path("schema")));
                response.path("headers").elements().forEachRemaining(header -> schema30(header.path("schema")));
            });
            if (operation.get("security") instanceof ArrayNode security) {
                security.forEach(requirement -> requirement.fields().forEachRemaining(scheme -> ((ObjectNode) requirement)
                        .set(scheme.getKey(), NODES.arrayNode())));
            }
        }));
    }

    private static void schema30(JsonNode node) {
        if (!(node instanceof ObjectNode schema)) {
            return;
        }
        if (schema.has("$ref")) {
            schema.retain("$ref");
            return;
        }
        JsonNode examples = schema.remove("examples");
        if (examples instanceof ArrayNode list && !list.isEmpty() && !schema.has("example")) {
            schema.set("example", list.get(0));
        }
        if (schema.get("type") instanceof ArrayNode types) {
            List<String> kinds = new ArrayList<>();
            types.forEach(type -> kinds.add(type.asText()));
            if (kinds.remove("null")) {
                schema.put("nullable", true);
            }
            if (kinds.size() == 1) {
                schema.put("type", kinds.get(0));
            } else {
                schema.remove("type");
            }
        }
        JsonNode constant = schema.remove("const");
        if (constant != null) {
            schema.putArray("enum").add(constant);
        }
        for (String bound : List.of("exclusiveMinimum", "exclusiveMaximum")) {
            JsonNode value = schema.get(bound);
            if (value != null && value.isNumber()) {
                schema.set(bound.equals("exclusiveMinimum") ? "minimum" : "maximum", value);
                schema.put(bound, true);
            }
        }
        schema.path("properties").elements().forEachRemaining(OpenApiConventions::schema30);
        schema30(schema.path("items"));
        schema30(schema.path("additionalProperties"));
        schema30(schema.path("not"));
        for (String composition : List.of("allOf", "anyOf", "oneOf")) {
            if (schema.get(composition) instanceof ArrayNode parts) {
                // [X, {type: null}] is 3.1's nullable X: X itself, nullable.
                ArrayNode kept = NODES.arrayNode();
                parts.forEach(part -> {
                    if ("null".equals(part.path("type").asText())) {
                        schema.put("nullable", true);
                    } else {
                        kept.add(part);
                    }
                });
                if (kept.size() == 1 && parts.size() > 1) {
                    schema.remove(composition);
                    JsonNode only = kept.get(0);
                    if (only.has("$ref")) {
                        // 3.0 allows nothing beside a $ref: a nullable reference is an allOf of one.
                        schema.putArray("allOf").add(only);
                    } else {
                        only.fields().forEachRemaining(field -> schema.putIfAbsent(field.getKey(), field.getValue()));
                        schema30(schema);
                    }
                    return;
                }
                schema.set(composition, kept);
                kept.forEach(OpenApiConventions::schema30);
            }
        }
    }

    private static ObjectNode scalar(String format, int minLength, int maxLength) {
        ObjectNode schema = NODES.objectNode().put("type", "string").put("format", format);
        schema.put("minLength", minLength).put("maxLength", maxLength);
        return schema;
    }

    /** Replaces each `$ref` to a scalar by the scalar itself (keeping a description or example beside the ref). */
    private static void inlineScalars(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual()) {
                String name = ref.asText().substring(ref.asText().lastIndexOf('/') + 1);
                if (SCALARS.containsKey(name)) {
                    object.remove("$ref");
                    object.remove("type");
                    ObjectNode scalar = SCALARS.get(name);
                    scalar.fields().forEachRemaining(field -> object.putIfAbsent(field.getKey(), field.getValue()));
                } else {
                    // A generator drops a type beside a $ref (and the referenced schema says it anyway).
                    object.remove("type");
                }
            }
            List<JsonNode> children = new ArrayList<>();
            object.elements().forEachRemaining(children::add);
            children.forEach(OpenApiConventions::inlineScalars);
        } else if (node instanceof ArrayNode array) {
            array.forEach(OpenApiConventions::inlineScalars);
        }
    }

    /** Where the API is: the force's public URL when it is configured, else the local stack. */
    private static void servers(ObjectNode doc, Optional<String> publicUrl) {
        ArrayNode servers = doc.putArray("servers");
        if (publicUrl.isPresent() && publicUrl.get().startsWith("http")) {
            servers.addObject().put("url", publicUrl.get().replaceAll("/+$", ""))
                    .put("description", "This force's API (production)").put("x-internal", false);
            return;
        }
        ObjectNode local = servers.addObject().put("url", "{scheme}://{host}")
                .put("description", "The gateway: the local stack (./oversight up) by default; a force's deployment by its "
                        + "host (staging, production), over https")
                .put("x-internal", false);
        ObjectNode variables = local.putObject("variables");
        variables.putObject("scheme").put("default", "http").put("description", "http locally, https deployed")
                .putArray("enum").add("http").add("https");
        variables.putObject("host").put("default", "localhost:8080").put("description", "Host and port of the gateway");
    }

    /** Headers and parameters every operation shares, as components. */
    private static void commonParts(ObjectNode components) {
        ObjectNode headers = components.with("headers");
        headers.set("X-Request-Id", header("The request's correlation id: the one sent, or one made up; also in a problem's requestId",
                NODES.objectNode().put("type", "string").put("maxLength", 100).put("pattern", "^[A-Za-z0-9._:-]{1,100}$")));
        headers.set("RateLimit", header("What is left of the client's allowance (IETF draft-ietf-httpapi-ratelimit-headers): "
                + "r, the requests left now; t, the seconds until the allowance is whole again. Example: \"per-client\";r=187;t=7",
                NODES.objectNode().put("type", "string").put("maxLength", 100)));
        headers.set("RateLimit-Policy", header("The client's allowance: q requests at once, refilled at the per-minute rate over w "
                + "seconds. Example: \"per-client\";q=200;w=60", NODES.objectNode().put("type", "string").put("maxLength", 100)));
        headers.set("Retry-After", header("Seconds to wait before sending again",
                NODES.objectNode().put("type", "integer").put("format", "int32").put("minimum", 1).put("maximum", 3600)));
        ObjectNode parameters = components.with("parameters");
        parameters.set("X-Justification", NODES.objectNode().put("name", "X-Justification").put("in", "header")
                .put("required", false)
                .put("description", "Why you are consulting or changing this data, kept in the audit log with the request "
                        + "(DPA 2018 s.62): UTF-8 text of at most 500 characters on one line")
                .set("schema", NODES.objectNode().put("type", "string").put("maxLength", 500)));
    }

    private static ObjectNode header(String description, ObjectNode schema) {
        ObjectNode header = NODES.objectNode().put("description", description);
        header.set("schema", schema);
        return header;
    }

    private static void securityScheme(ObjectNode components) {
        JsonNode bearer = components.path("securitySchemes").path("bearer");
        if (bearer instanceof ObjectNode scheme) {
            scheme.put("description", "A JWT (JWS, RS256) from the force's identity provider, verified as RFC8725 asks: the "
                    + "algorithm is fixed (never `none`, never one the token names), and the issuer, audience and expiry are "
                    + "checked. `groups` holds the caller's roles (offender-manager, supervisor, integration, scrutiny, "
                    + "panel, admin); `areas` the areas an offender manager or supervisor may see.");
        }
    }

    /** Whether a successful answer of the operation names offenders (their ids or PNC ids), or is an export. */
    static boolean namesOffenders(JsonNode operation, JsonNode schemas) {
        for (Iterator<Map.Entry<String, JsonNode>> it = operation.path("responses").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> response = it.next();
            if (!response.getKey().startsWith("2")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> media = response.getValue().path("content").fields(); media.hasNext(); ) {
                Map.Entry<String, JsonNode> type = media.next();
                if (type.getKey().startsWith("text/csv") || namesOffenders(type.getValue().path("schema"), schemas, new java.util.HashSet<>())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean namesOffenders(JsonNode schema, JsonNode schemas, java.util.Set<String> seen) {
        if (schema == null || schema.isMissingNode()) {
            return false;
        }
        String ref = schema.path("$ref").asText("");
        if (!ref.isEmpty()) {
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            return seen.add(name) && namesOffenders(schemas.path(name), schemas, seen);
        }
        for (String field : List.of("offenderId", "offenderIds", "pncId")) {
            if (schema.path("properties").has(field)) {
                return true;
            }
        }
        for (Iterator<JsonNode> it = schema.path("properties").elements(); it.hasNext(); ) {
            if (namesOffenders(it.next(), schemas, seen)) {
                return true;
            }
        }
        if (namesOffenders(schema.path("items"), schemas, seen) || namesOffenders(schema.path("additionalProperties"), schemas, seen)) {
            return true;
        }
        for (String composition : List.of("allOf", "anyOf", "oneOf")) {
            for (JsonNode part : schema.path(composition)) {
                if (namesOffenders(part, schemas, seen)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void operation(String path, ObjectNode operation, int maxBodyBytes, JsonNode schemas) {
        ArrayNode parameters = operation.withArray("parameters");
        for (JsonNode parameter : parameters) {
            // Swagger UI fills an optional filter with its example: the example goes into words instead.
            if (parameter instanceof ObjectNode p && "query".equals(p.path("in").asText()) && !p.path("required").asBoolean()) {
                JsonNode example = p.remove("example");
                p.remove("examples");
                if (example != null && p.has("description") && !p.path("description").asText().contains("e.g.")) {
                    p.put("description", p.path("description").asText() + " (e.g. " + example.asText() + ")");
                }
            }
        }
        // Why a caller consulted an offender's record goes into the audit log with the consultation: every operation
        // about one offender, or whose answer names offenders, takes it (X-Request-Id, which every operation takes, is in the info).
        boolean justified = false;
        for (JsonNode parameter : parameters) {
            justified |= "X-Justification".equalsIgnoreCase(parameter.path("name").asText()) && "header".equals(parameter.path("in").asText());
        }
        // (The report pack's CSV is aggregates only, like its PDF and HTML: it names no one.)
        boolean aggregates = path.startsWith("/api/v1/reports/");
        if (!justified && !aggregates && (path.startsWith("/api/v1/offenders/{") || namesOffenders(operation, schemas))) {
            parameters.addObject().put("$ref", "#/components/parameters/X-Justification");
        }
        if (parameters.isEmpty()) {
            operation.remove("parameters");
        }

        boolean body = operation.has("requestBody");
        ObjectNode responses = operation.with("responses");
        Map<String, String> standard = new LinkedHashMap<>();
        standard.put("400", "The request could not be read: malformed parameters, headers or body (docs/api.md)");
        standard.put("401", "No bearer token, or the token is invalid or expired");
        standard.put("403", "The caller's roles do not allow this operation");
        standard.put("406", "None of the media types in Accept is one this operation answers with");
        if (body) {
            standard.put("413", "The request body is larger than the " + maxBodyBytes + " bytes the API accepts");
            standard.put("415", "The body's Content-Type is not one this operation takes");
        }
        standard.put("429", "Too many requests from this client; wait Retry-After seconds");
        standard.put("503", "The service behind this path is not answering for a moment; retry after Retry-After seconds");
        standard.forEach((code, description) -> {
            if (!responses.has(code)) {
                responses.putObject(code).put("description", description);
            }
        });
        for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> response = it.next();
            ObjectNode answer = (ObjectNode) response.getValue();
            int status = Integer.parseInt(response.getKey());
            ObjectNode headers = answer.with("headers");
            for (String known : List.of("ETag", "Location", "Content-Disposition")) {
                JsonNode declared = headers.get(known);
                if (declared instanceof ObjectNode header) {
                    // The one shape of each (a service's annotation names only the header).
                    ObjectNode shape = STANDARD_HEADERS.get(known).deepCopy();
                    if (header.has("description")) {
                        shape.set("description", header.get("description"));
                    }
                    headers.set(known, shape);
                }
            }
            headers.set("X-Request-Id", ref("headers", "X-Request-Id"));
            if (status / 100 == 2 || status / 100 == 4) {
                headers.set("RateLimit", ref("headers", "RateLimit"));
                headers.set("RateLimit-Policy", ref("headers", "RateLimit-Policy"));
            }
            if (status == 429 || status == 503) {
                headers.set("Retry-After", ref("headers", "Retry-After"));
            }
            if (status >= 400) {
                problem(answer, status);
            }
        }
    }

    /** A problem+json answer of this status, with an example of this status. */
    private static void problem(ObjectNode answer, int status) {
        ObjectNode content = answer.with("content");
        content.remove("application/json");
        ObjectNode media = content.with(PROBLEM);
        media.set("schema", ref("schemas", "Problem"));
        ProblemType type = ProblemType.forStatus(status);
        ObjectNode example = NODES.objectNode().put("type", type.uri()).put("title", type.title()).put("status", status)
                .put("detail", answer.path("description").asText()).put("instance", "/api/v1/…")
                .put("requestId", "5b0f8c1e-2d7a-4b5e-9a53-7c1d0f0a9e21");
        if (status == 422) {
            example.put("detail", "pncId: check letter A is wrong for this year and serial");
            example.putArray("errors").addObject().put("field", "pncId").put("message", "check letter A is wrong for this year and serial");
        }
        media.remove("examples");
        media.set("example", example);
    }

    private static ObjectNode ref(String kind, String name) {
        return NODES.objectNode().put("$ref", "#/components/" + kind + "/" + name);
    }
}
