package uk.police.oversight.notifications.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import uk.police.oversight.notifications.NotificationApiTest;
import uk.police.oversight.testing.TestTokens;
import uk.police.oversight.testing.WebhookReceiver;

/** Force systems subscribe by webhook: signed deliveries, retries, and a subscription that keeps failing is disabled. */
@QuarkusTest
class WebhookTest extends NotificationApiTest {

    private static final String SECRET = "a-secret-shared-with-the-force-system";

    @Test
    void aSubscriberReceivesSignedNotificationsItCanVerify() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(204)) {
            String id = as(ADMIN).body(Map.of("url", receiver.url(), "eventTypes", List.of("OVERDUE"), "secret", SECRET,
                            "description", "records system"))
                    .post(BASE + "/webhooks").then().statusCode(201)
                    .body("active", equalTo(true))
                    .body("$", not(org.hamcrest.Matchers.hasKey("secret")))
                    .extract().path("id");
            String area = newArea("WHK");
            UUID manager = staff(area, "OFFENDER_MANAGER", "DC Web Hook");
            Map<String, Object> data = compliance(area, manager, "HIGH", "2022-03-01", 121);

            announce("uk.police.oversight.visit.overdue", data);
            announce("uk.police.oversight.visit.due-soon", compliance(area, manager, "LOW", "2022-07-04", 0));
            await(Duration.ofSeconds(20), () -> receiver.received().size() == 1);
            sleep(1000);

            assertEquals(1, receiver.received().size(), "only the OVERDUE it subscribed to");
            WebhookReceiver.Received delivery = receiver.received().get(0);
            assertEquals(sign(SECRET, delivery.body()), delivery.header("X-Oversight-Signature"));
            assertTrue(delivery.body().contains("\"type\":\"uk.police.oversight.visit.overdue\""));
            assertTrue(delivery.body().contains((String) data.get("pncId")));
            assertEquals("OVERDUE", delivery.header("X-Oversight-Notification-Type"));
            as(ADMIN).queryParam("recipientId", id).get(BASE + "/notifications").then().statusCode(200)
                    .body("items[0].channel", equalTo("WEBHOOK")).body("items[0].status", equalTo("SENT"));
        }
    }

    @Test
    void aSubscriberThatKeepsFailingIsRetriedThenDisabledWithTheReason() {
        try (WebhookReceiver receiver = new WebhookReceiver(500)) {
            String id = as(ADMIN).body(Map.of("url", receiver.url(), "eventTypes", List.of("DUE_SOON"), "secret", SECRET))
                    .post(BASE + "/webhooks").then().statusCode(201).extract().path("id");
            String area = newArea("WHF");
            UUID manager = staff(area, "OFFENDER_MANAGER", "DC Fail Hook");

            announce("uk.police.oversight.visit.due-soon", compliance(area, manager, "LOW", "2022-07-04", 0));
            await(Duration.ofSeconds(30), () -> !as(ADMIN).get(BASE + "/webhooks/" + id).<Boolean>path("active"));

            assertTrue(receiver.received().size() >= 3, "retried before giving up: " + receiver.received().size());
            as(ADMIN).get(BASE + "/webhooks/" + id).then()
                    .body("disabledReason", startsWith("Disabled after 3 consecutive failed deliveries; last: HTTP 500"))
                    .body("disabledAt", notNullValue());
            as(ADMIN).queryParam("recipientId", id).get(BASE + "/notifications").then()
                    .body("items[0].status", equalTo("FAILED"))
                    .body("items[0].lastError", equalTo("The webhook subscription was disabled"))
                    .body("items[0].attempts", equalTo(3));
            // A disabled subscription gets nothing new.
            int before = receiver.received().size();
            announce("uk.police.oversight.visit.due-soon", compliance(area, manager, "LOW", "2022-07-05", 0));
            sleep(1500);
            assertEquals(before, receiver.received().size());
        }
    }

    @Test
    void subscriptionsAreValidatedAndOnlyForAdmin() {
        as(ADMIN).body(Map.of("url", "ftp://x.example/h", "eventTypes", List.of("OVERDUE"), "secret", SECRET))
                .post(BASE + "/webhooks").then().statusCode(422).body("errors.field", hasItem("url"));
        as(ADMIN).body(Map.of("url", "https://user:pw@x.example/h", "eventTypes", List.of("OVERDUE"), "secret", SECRET))
                .post(BASE + "/webhooks").then().statusCode(422).body("errors.field", hasItem("url"));
        as(ADMIN).body(Map.of("url", "https://x.example/h", "eventTypes", List.of("OVERDUE"), "secret", "short"))
                .post(BASE + "/webhooks").then().statusCode(422).body("errors.field", hasItem("secret"));
        as(ADMIN).body(Map.of("url", "https://x.example/h", "eventTypes", List.of(), "secret", SECRET))
                .post(BASE + "/webhooks").then().statusCode(422).body("errors.field", hasItem("eventTypes"));
        as(ADMIN).body(Map.of("url", "https://x.example/h", "eventTypes", List.of("DIGEST"), "secret", SECRET))
                .post(BASE + "/webhooks").then().statusCode(422).body("errors.field", hasItem("eventTypes"));
        as(ADMIN).body(Map.of("url", "https://x.example/h", "eventTypes", List.of("GOSSIP"), "secret", SECRET))
                .post(BASE + "/webhooks").then().statusCode(400);
        as(ADMIN).get(BASE + "/webhooks/" + UUID.randomUUID()).then().statusCode(404);
        for (String bearer : new String[] {TestTokens.supervisor("ds", "X"), TestTokens.integration(), TestTokens.scrutiny()}) {
            as(bearer).get(BASE + "/webhooks").then().statusCode(403);
            as(bearer).body(Map.of("url", "https://x.example/h", "eventTypes", List.of("OVERDUE"), "secret", SECRET))
                    .post(BASE + "/webhooks").then().statusCode(403);
        }
        String id = as(ADMIN).body(Map.of("url", "https://x.example/h", "eventTypes", List.of("ESCALATION"), "secret", SECRET))
                .post(BASE + "/webhooks").then().statusCode(201).extract().path("id");
        as(ADMIN).delete(BASE + "/webhooks/" + id).then().statusCode(204);
        as(ADMIN).get(BASE + "/webhooks/" + id).then().statusCode(404);
    }

    static String sign(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
