package uk.police.oversight.offender.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.police.oversight.offender.ApiTest;

@QuarkusTest
class OpenApiAndHealthTest extends ApiTest {

    @Test
    void everyOperationIsDocumentedWithTagSummaryAndProblemErrors() {
        JsonPath doc = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        List<String> defects = new ArrayList<>();
        int operations = 0;
        for (var path : paths.entrySet()) {
            for (var operation : path.getValue().entrySet()) {
                if (!List.of("get", "post", "put", "patch", "delete").contains(operation.getKey())) {
                    continue;
                }
                operations++;
                String where = operation.getKey().toUpperCase() + " " + path.getKey();
                Map<String, Object> op = operation.getValue();
                if (op.get("tags") == null) {
                    defects.add(where + ": no tag");
                }
                if (op.get("summary") == null || !String.valueOf(op.get("description")).startsWith("Roles:")
                        && !String.valueOf(op.get("description")).contains("Roles:") && !String.valueOf(op.get("description")).startsWith("Same roles")) {
                    defects.add(where + ": no summary or roles");
                }
                if (op.get("security") == null) {
                    defects.add(where + ": no security requirement");
                }
                @SuppressWarnings("unchecked")
                Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) op.get("responses");
                for (String code : List.of("401", "403")) {
                    if (!responses.containsKey(code)) {
                        defects.add(where + ": no " + code);
                    }
                }
                for (var response : responses.entrySet()) {
                    if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                        Object content = response.getValue().get("content");
                        if (content == null || !content.toString().contains("application/problem+json")) {
                            defects.add(where + " " + response.getKey() + ": not problem+json");
                        }
                    }
                }
            }
        }
        assertTrue(operations >= 20, "expected every endpoint, found " + operations);
        assertTrue(defects.isEmpty(), String.join("\n", defects));
        assertFalse(doc.getMap("components.schemas.Problem").isEmpty());
        assertTrue(doc.getMap("components.securitySchemes").containsKey("bearer"));
    }

    @Test
    void healthIncludesTheDatabaseAndMetricsArePrometheus() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body(containsString("Database connections health check"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests_seconds"));
    }
}
