package uk.police.oversight.offender.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.police.oversight.offender.ApiTest;
import uk.police.oversight.testing.OpenApiContract;

@QuarkusTest
class OpenApiAndHealthTest extends ApiTest {

    @Test
    void everyOperationIsDocumentedWithTagSummaryAndProblemErrors() {
        JsonPath doc = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        int[] operations = new int[1];
        List<String> defects = OpenApiContract.defects(paths, operations);
        assertTrue(operations[0] >= 20, "expected every endpoint, found " + operations[0]);
        assertTrue(defects.isEmpty(), String.join("\n", defects));
        assertFalse(doc.getMap("components.schemas.Problem").isEmpty());
        assertTrue(doc.getMap("components.securitySchemes").containsKey("bearer"));
    }


    /** Health and metrics are on the management interface only, and the metrics name routes, never ids. */
    @Test
    void healthIncludesTheDatabaseAndMetricsArePrometheus() {
        String id = java.util.UUID.randomUUID().toString();
        given().header("Authorization", uk.police.oversight.testing.TestTokens.admin()).get("/api/v1/offenders/" + id)
                .then().statusCode(404);
        given().get(uk.police.oversight.testing.ManagementInterface.url("/q/health/ready")).then().statusCode(200).body("status", equalTo("UP"))
                .body(containsString("Database connections health check"));
        given().get(uk.police.oversight.testing.ManagementInterface.url("/q/health/live")).then().statusCode(200).body("status", equalTo("UP"));
        String metrics = given().get(uk.police.oversight.testing.ManagementInterface.url("/q/metrics")).then().statusCode(200)
                .body(containsString("http_server_requests_seconds")).extract().asString();
        assertFalse(metrics.contains(id), "no metric names an offender");
        assertTrue(metrics.contains("uri=\"/api/v1/offenders/{id}\""), "named by route template");
        given().get("/q/health/ready").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(404);
    }
}
