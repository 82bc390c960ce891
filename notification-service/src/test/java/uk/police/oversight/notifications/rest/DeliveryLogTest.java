package uk.police.oversight.notifications.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.police.oversight.notifications.NotificationApiTest;
import uk.police.oversight.testing.AmqpTestClient;
import uk.police.oversight.testing.OpenApiContract;
import uk.police.oversight.testing.TestTokens;

/** The delivery log is for supervisors (their areas) and admin; every email is recorded as a disclosure. */
@QuarkusTest
class DeliveryLogTest extends NotificationApiTest {

    @Test
    void supervisorsSeeTheirAreasNotificationsAndNobodyElseSeesAny() {
        String area = newArea("LOG");
        String other = newArea("LGO");
        UUID manager = staff(area, "OFFENDER_MANAGER", "DC Log Here");
        UUID otherManager = staff(other, "OFFENDER_MANAGER", "DC Log There");
        Map<String, Object> data = compliance(area, manager, "HIGH", "2022-03-01", 121);
        announce("uk.police.oversight.visit.overdue", data);
        announce("uk.police.oversight.visit.overdue", compliance(other, otherManager, "HIGH", "2022-03-01", 121));
        await().atMost(Duration.ofSeconds(20)).until(() -> count("select count(*) from notification where status = 'SENT' and area_code in ('"
                + area + "', '" + other + "')") == 2);

        as(TestTokens.supervisor("ds.log", area)).get(BASE + "/notifications").then().statusCode(200)
                .body("items.areaCode", everyItem(equalTo(area)))
                .body("items[0].type", equalTo("OVERDUE"))
                .body("items[0].recipientId", equalTo(manager.toString()))
                .body("items[0].channel", equalTo("EMAIL"))
                .body("items[0].status", equalTo("SENT"))
                .body("items[0].attempts", equalTo(1))
                .body("items[0].offenderIds", hasItem(data.get("offenderId")))
                .body("items[0].dueOn", equalTo("2022-03-01"));
        as(ADMIN).queryParam("recipientId", otherManager).queryParam("type", "OVERDUE").get(BASE + "/notifications").then()
                .body("totalItems", equalTo(1));
        as(ADMIN).queryParam("status", "FAILED").queryParam("recipientId", otherManager).get(BASE + "/notifications").then()
                .body("totalItems", equalTo(0));
        for (String bearer : new String[] {TestTokens.manager("dc", area), TestTokens.integration(), TestTokens.scrutiny()}) {
            as(bearer).get(BASE + "/notifications").then().statusCode(403).contentType("application/problem+json");
        }
        as(ADMIN).queryParam("type", "GOSSIP").get(BASE + "/notifications").then().statusCode(400);
        as(ADMIN).queryParam("from", "2022-06-30").queryParam("to", "2022-06-01").get(BASE + "/notifications").then()
                .statusCode(400).body("errors[0].field", equalTo("to"));
        given().get(BASE + "/notifications").then().statusCode(401);
    }

    @Test
    void everyEmailIsAuditedAsADisclosure() {
        String area = newArea("DSC");
        UUID manager = staff(area, "OFFENDER_MANAGER", "DC Disclosed");
        Map<String, Object> data = compliance(area, manager, "HIGH", "2022-03-01", 121);
        announce("uk.police.oversight.visit.overdue", data);
        String offender = (String) data.get("offenderId");

        try (AmqpTestClient amqp = new AmqpTestClient(brokerPort())) {
            List<String> entries = amqp.receiveUntil("oversight.audit.notification-service",
                    received -> received.stream().anyMatch(e -> e.contains(offender) && e.contains("DISCLOSE")),
                    Duration.ofSeconds(20));
            assertTrue(entries.stream().anyMatch(e -> e.contains(offender) && e.contains("\"DISCLOSE\"")
                    && e.contains("email to " + email(manager)) && e.contains("\"service\":\"notification-service\"")), entries.toString());
        }
    }

    @Test
    void theApiIsDocumented() {
        JsonPath doc = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        int[] operations = new int[1];
        List<String> defects = OpenApiContract.defects(paths, operations);
        assertTrue(operations[0] >= 6, "expected every endpoint, found " + operations[0]);
        assertTrue(defects.isEmpty(), String.join("\n", defects));
        given().get(uk.police.oversight.testing.ManagementInterface.url("/q/health/ready")).then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(404);
    }


}
