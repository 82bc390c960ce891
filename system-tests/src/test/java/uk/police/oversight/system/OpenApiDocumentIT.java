package uk.police.oversight.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.restassured.RestAssured;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import uk.police.oversight.testing.OpenApiContract;

/**
 * The gateway's merged OpenAPI document, as a force's integrator reads it: every service's operations are in it, each
 * keeps the contract, and {@code docs/openapi.json} (linted in CI, the input of the generated client) is exactly it.
 *
 * <p>After an API change, refresh the committed copy with
 * {@code ./mvnw -B -pl system-tests -am verify -Dit.test=OpenApiDocumentIT -Doversight.openapi.refresh=true}.
 */
class OpenApiDocumentIT {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void mergedDocumentIsCompleteKeepsTheContractAndIsTheCommittedOne() throws IOException {
        String body = RestAssured.given().accept("application/json").get(SystemStack.get().url("api-gateway") + "/q/openapi")
                .then().statusCode(200).extract().asString();
        JsonNode live = JSON.readTree(body);

        assertFalse(live.has("x-oversight-missing"), "every service's document was merged: " + live.path("x-oversight-missing"));
        for (String prefix : List.of("/api/v1/offenders", "/api/v1/overdue-visits", "/api/v1/notifications", "/api/v1/audit-events")) {
            assertTrue(live.path("paths").has(prefix), "merged document has " + prefix);
        }
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Map<String, Object>>> paths = JSON.convertValue(live.path("paths"), Map.class);
        int[] operations = {0};
        assertEquals(List.of(), OpenApiContract.defects(paths, operations));
        assertTrue(operations[0] >= 40, "operations in the merged document: " + operations[0]);
        live.path("paths").fields().forEachRemaining(path -> assertTrue(path.getKey().startsWith("/api/v1/"),
                "only public API paths are published: " + path.getKey()));

        Path committed = Path.of(System.getProperty("oversight.repository", "..")).resolve("docs/openapi.json");
        if (Boolean.getBoolean("oversight.openapi.refresh")) {
            Files.writeString(committed, JSON.writeValueAsString(live) + "\n", StandardCharsets.UTF_8);
        }
        List<String> differences = new ArrayList<>();
        differences(JSON.readTree(Files.readString(committed)), live, "", differences);
        assertEquals(List.of(), differences.subList(0, Math.min(20, differences.size())), "docs/openapi.json is out of date "
                + "with the services; refresh it with -Doversight.openapi.refresh=true (see this test's javadoc)");
    }

    /** JSON pointers where the committed document and the live one differ. */
    private static void differences(JsonNode committed, JsonNode live, String pointer, List<String> out) {
        if (committed.equals(live)) {
            return;
        }
        if (committed.isObject() && live.isObject()) {
            Set<String> names = new TreeSet<>();
            committed.fieldNames().forEachRemaining(names::add);
            live.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!committed.has(name)) {
                    out.add(child + ": only in the live document");
                } else if (!live.has(name)) {
                    out.add(child + ": only in docs/openapi.json");
                } else {
                    differences(committed.get(name), live.get(name), child, out);
                }
            }
        } else {
            out.add(pointer + ": " + abbreviate(committed) + " committed, " + abbreviate(live) + " live");
        }
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }
}
