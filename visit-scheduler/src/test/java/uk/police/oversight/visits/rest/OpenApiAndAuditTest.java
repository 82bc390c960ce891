package uk.police.oversight.visits.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.police.oversight.testing.AmqpTestClient;
import uk.police.oversight.testing.OpenApiContract;
import uk.police.oversight.testing.TestTokens;
import uk.police.oversight.visits.VisitApiTest;

@QuarkusTest
class OpenApiAndAuditTest extends VisitApiTest {

    @Test
    void everyOperationIsDocumentedWithTagSummaryRolesAndProblemErrors() {
        JsonPath doc = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        int[] operations = new int[1];
        List<String> defects = OpenApiContract.defects(paths, operations);
        assertTrue(operations[0] >= 12, "expected every endpoint, found " + operations[0]);
        assertTrue(defects.isEmpty(), String.join("\n", defects));
        assertTrue(doc.getMap("paths./api/v1/overdue-visits.get.responses.200.content").containsKey("text/csv"),
                "the CSV export is documented");
    }

    @Test
    void consultationsAreSentToTheAuditStoreThroughTheOutbox() {
        String area = newArea("AUV");
        String id = register(offender(area));
        visit(id, "2021-01-01", "HOME_VISIT", "COMPLETED");
        String supervisor = TestTokens.supervisor("ds.audit-visits", area);
        as(supervisor).header("X-Justification", "Monthly review").header("X-Request-Id", "req-overdue-csv")
                .accept("text/csv").queryParam("asOf", "2022-06-30").get(BASE + "/overdue-visits").then().statusCode(200);
        as(supervisor).header("X-Request-Id", "req-schedule").get(BASE + "/schedules/" + id).then().statusCode(200);

        try (AmqpTestClient amqp = new AmqpTestClient(brokerPort())) {
            List<String> entries = amqp.receiveUntil("oversight.audit.visit-scheduler",
                    received -> received.stream().filter(e -> e.contains("ds.audit-visits")).count() >= 2, Duration.ofSeconds(15))
                    .stream().filter(e -> e.contains("ds.audit-visits")).toList();
            assertTrue(entries.stream().anyMatch(e -> e.contains("req-overdue-csv") && e.contains("CSV export")
                    && e.contains(id) && e.contains("Monthly review") && e.contains("\"CONSULT\"")), entries.toString());
            assertTrue(entries.stream().anyMatch(e -> e.contains("req-schedule") && e.contains(id)), entries.toString());
        }
    }


    @Test
    void healthAndMetricsAreOnTheManagementInterfaceOnly() {
        given().get(uk.police.oversight.testing.ManagementInterface.url("/q/health/ready")).then().statusCode(200).body("status", equalTo("UP"));
        given().get(uk.police.oversight.testing.ManagementInterface.url("/q/metrics")).then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(404);
    }
}
