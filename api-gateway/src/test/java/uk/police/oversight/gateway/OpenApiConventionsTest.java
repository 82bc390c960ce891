package uk.police.oversight.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The conventions written into the merged document, on a small document in the shape SmallRye produces. */
class OpenApiConventionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String SOURCE = """
            {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
             "paths": {
              "/api/v1/offenders": {
               "get": {"parameters": [{"name": "asOf", "in": "query", "description": "As of this date",
                         "schema": {"type": "string", "$ref": "#/components/schemas/LocalDate"}, "example": "2022-06-30"}],
                       "responses": {"200": {"description": "ok", "content": {"application/json":
                         {"schema": {"$ref": "#/components/schemas/Offender"}}}}}},
               "post": {"requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Area"},
                          "examples": {"one": {"value": {"code": "BRS"}}}}}},
                        "responses": {"201": {"description": "made", "headers": {"Location": {"description": "There"}}},
                                      "422": {"description": "A rule broken"}}}},
              "/api/v1/offenders/{id}/history": {
               "get": {"parameters": [{"name": "id", "in": "path", "required": true, "schema": {"$ref": "#/components/schemas/UUID"}}],
                       "responses": {"200": {"description": "ok", "content": {"application/json":
                         {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Area"}}}}}}}},
              "/api/v1/areas": {
               "get": {"responses": {"200": {"description": "ok", "content": {"application/json":
                         {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Area"}}}}}}}}},
             "components": {"schemas": {
              "UUID": {"type": "string", "format": "uuid"}, "LocalDate": {"type": "string", "format": "date"},
              "Offender": {"type": "object", "properties": {"pncId": {"type": "string", "examples": ["1979/0163001B"]},
                 "managerId": {"type": ["string", "null"], "$ref": "#/components/schemas/UUID"},
                 "area": {"anyOf": [{"$ref": "#/components/schemas/Area"}, {"type": "null"}]}}},
              "Area": {"type": "object", "properties": {"code": {"type": "string", "const": "BRS"}}},
              "Problem": {"type": "object"}},
              "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}}}
            """;

    private static ObjectNode applied() throws Exception {
        return OpenApiConventions.apply((ObjectNode) JSON.readTree(SOURCE), Optional.empty(), 2_097_152);
    }

    @Test
    void theDocumentIsOpenApi303WithScalarsInlineAndNothingBesideAReference() throws Exception {
        ObjectNode doc = applied();
        assertEquals("3.0.3", doc.path("openapi").asText());
        JsonNode schemas = doc.path("components").path("schemas");
        assertFalse(schemas.has("UUID") || schemas.has("LocalDate"), "scalars are not components");
        JsonNode managerId = schemas.path("Offender").path("properties").path("managerId");
        assertEquals("uuid", managerId.path("format").asText());
        assertEquals(36, managerId.path("maxLength").asInt());
        assertEquals("1979/0163001B", schemas.path("Offender").path("properties").path("pncId").path("example").asText());
        JsonNode area = schemas.path("Offender").path("properties").path("area");
        assertTrue(area.path("nullable").asBoolean(), "3.1's [X, null] is a nullable X");
        assertEquals("#/components/schemas/Area", area.path("allOf").path(0).path("$ref").asText());
        assertEquals("BRS", schemas.path("Area").path("properties").path("code").path("enum").path(0).asText());
        List<String> besideReferences = new ArrayList<>();
        walk(doc, "", besideReferences);
        assertEquals(List.of(), besideReferences);
    }

    @Test
    void theServerIsTheLocalGatewayByDefaultAndTheForcesUrlWhenConfigured() throws Exception {
        JsonNode server = applied().path("servers").path(0);
        assertEquals("{scheme}://{host}", server.path("url").asText());
        assertEquals("localhost:8080", server.path("variables").path("host").path("default").asText());
        ObjectNode configured = OpenApiConventions.apply((ObjectNode) JSON.readTree(SOURCE), Optional.of("https://api.force.example/"), 1);
        assertEquals("https://api.force.example", configured.path("servers").path(0).path("url").asText());
    }

    @Test
    void everyOperationDocumentsTheAnswersTheGatewayAndTheFrameworkGive() throws Exception {
        ObjectNode doc = applied();
        JsonNode list = doc.path("paths").path("/api/v1/offenders").path("get");
        List<String> statuses = new ArrayList<>();
        list.path("responses").fieldNames().forEachRemaining(statuses::add);
        assertEquals(List.of("200", "400", "401", "403", "406", "429", "503"), statuses, "no 413 or 415 without a body");
        JsonNode create = doc.path("paths").path("/api/v1/offenders").path("post");
        assertTrue(create.path("responses").has("413") && create.path("responses").has("415"));
        assertFalse(create.path("requestBody").path("content").path("application/json").has("examples"));
        JsonNode problem = create.path("responses").path("422").path("content").path("application/problem+json");
        assertEquals("#/components/schemas/Problem", problem.path("schema").path("$ref").asText());
        assertEquals(422, problem.path("example").path("status").asInt());
        assertEquals(429, list.path("responses").path("429").path("content").path("application/problem+json").path("example")
                .path("status").asInt(), "each status's example is of that status");
        assertEquals("#/components/headers/Retry-After", list.path("responses").path("429").path("headers").path("Retry-After").path("$ref").asText());
        assertEquals("#/components/headers/RateLimit", list.path("responses").path("200").path("headers").path("RateLimit").path("$ref").asText());
        assertEquals("uri", create.path("responses").path("201").path("headers").path("Location").path("schema").path("format").asText());
        assertEquals("There", create.path("responses").path("201").path("headers").path("Location").path("description").asText());
    }

    @Test
    void optionalFiltersCarryNoExampleAndJustificationGoesWhereOffendersAreNamed() throws Exception {
        ObjectNode doc = applied();
        JsonNode asOf = doc.path("paths").path("/api/v1/offenders").path("get").path("parameters").path(0);
        assertFalse(asOf.has("example") || asOf.has("examples"), "Swagger UI would fill the filter in");
        assertTrue(asOf.path("description").asText().contains("2022-06-30"), asOf.toString());
        assertTrue(justified(doc, "/api/v1/offenders", "get"), "an answer with PNC ids");
        assertTrue(justified(doc, "/api/v1/offenders/{id}/history", "get"), "an answer about one offender");
        assertFalse(justified(doc, "/api/v1/areas", "get"), "areas name no offender");
        assertEquals(500, doc.path("components").path("parameters").path("X-Justification").path("schema").path("maxLength").asInt());
    }

    private static boolean justified(JsonNode doc, String path, String method) {
        for (JsonNode parameter : doc.path("paths").path(path).path(method).path("parameters")) {
            if (parameter.path("$ref").asText().endsWith("/X-Justification")) {
                return true;
            }
        }
        return false;
    }

    private static void walk(JsonNode node, String pointer, List<String> found) {
        if (node.isObject()) {
            if (node.has("$ref") && node.size() > 1) {
                found.add(pointer);
            }
            node.fields().forEachRemaining(field -> walk(field.getValue(), pointer + "/" + field.getKey(), found));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, found);
            }
        }
    }
}
