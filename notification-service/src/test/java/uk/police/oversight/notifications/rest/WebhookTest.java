package uk.police.oversight.notifications.rest;

import static org.awaitility.Awaitility.await;
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
import java.sql.Connection;
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
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() == 1);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() == 1);

            assertEquals(1, receiver.received().size(), "only the OVERDUE it subscribed to");
            WebhookReceiver.Received delivery = receiver.received().get(0);
            String timestamp = delivery.header("X-Oversight-Timestamp");
            assertTrue(Math.abs(java.time.Instant.now().getEpochSecond() - Long.parseLong(timestamp)) < 60, timestamp);
            assertEquals(sign(SECRET, timestamp + "." + delivery.body()), delivery.header("X-Oversight-Signature"),
                    "the signature covers the timestamp, so a captured delivery cannot be replayed later");
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
            await().atMost(Duration.ofSeconds(30)).until(() -> !as(ADMIN).get(BASE + "/webhooks/" + id).<Boolean>path("active"));

            assertTrue(receiver.received().size() >= 3, "retried before giving up: " + receiver.received().size());
            // Each refused delivery still disclosed the data to the target: each is in the audit log.
            String notification = as(ADMIN).queryParam("recipientId", id).get(BASE + "/notifications").path("items[0].id");
            await().atMost(Duration.ofSeconds(10)).until(() -> count("select count(*) from outbox_event where type = 'uk.police.oversight.audit.recorded'"
                    + " and payload like '%DISCLOSE%' and payload like '%not acknowledged: HTTP 500%' and payload like '%" + notification + "%'") >= 3);
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
            await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() == before);
        }
    }

    @Test
    void subscriptionsAreValidatedAndOnlyForAdmin() {
        String ok = "https://localhost:8443/h";
        as(ADMIN).body(Map.of("url", "ftp://localhost/h", "eventTypes", List.of("OVERDUE"), "secret", SECRET))
                .post(BASE + "/webhooks").then().statusCode(422).body("errors.field", hasItem("url"));
        as(ADMIN).body(Map.of("url", "https://user:pw@localhost/h", "eventTypes", List.of("OVERDUE"), "secret", SECRET))
                .post(BASE + "/webhooks").then().statusCode(422).body("errors.field", hasItem("url"));
        as(ADMIN).body(Map.of("url", ok, "eventTypes", List.of("OVERDUE"), "secret", "short"))
                .post(BASE + "/webhooks").then().statusCode(422).body("errors.field", hasItem("secret"));
        as(ADMIN).body(Map.of("url", ok, "eventTypes", List.of(), "secret", SECRET))
                .post(BASE + "/webhooks").then().statusCode(422).body("errors.field", hasItem("eventTypes"));
        // The daily digest goes to managers by email only: it is not among the types a webhook can name.
        as(ADMIN).body(Map.of("url", ok, "eventTypes", List.of("DIGEST"), "secret", SECRET))
                .post(BASE + "/webhooks").then().statusCode(400).body("errors[0].field", startsWith("eventTypes"));
        as(ADMIN).body(Map.of("url", ok, "eventTypes", List.of("GOSSIP"), "secret", SECRET))
                .post(BASE + "/webhooks").then().statusCode(400);
        as(ADMIN).body(Map.of("url", "https://no-such-host.invalid/h", "eventTypes", List.of("OVERDUE"), "secret", SECRET))
                .post(BASE + "/webhooks").then().statusCode(422).body("errors[0].message", startsWith("names a host that does not resolve"));
        as(ADMIN).get(BASE + "/webhooks/" + UUID.randomUUID()).then().statusCode(404);
        for (String bearer : new String[] {TestTokens.supervisor("ds", "X"), TestTokens.integration(), TestTokens.scrutiny()}) {
            as(bearer).get(BASE + "/webhooks").then().statusCode(403);
            as(bearer).body(Map.of("url", ok, "eventTypes", List.of("OVERDUE"), "secret", SECRET))
                    .post(BASE + "/webhooks").then().statusCode(403);
        }
        String id = as(ADMIN).body(Map.of("url", ok, "eventTypes", List.of("ESCALATION"), "secret", SECRET))
                .post(BASE + "/webhooks").then().statusCode(201).extract().path("id");
        as(ADMIN).delete(BASE + "/webhooks/" + id).then().statusCode(204);
        as(ADMIN).get(BASE + "/webhooks/" + id).then().statusCode(404);
    }

    /** Every spelling of an address webhooks must never reach is refused at subscription, with the reason. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "http://169.254.169.254/latest/meta-data/", "http://[fd00:ec2::254]/", "http://100.100.100.200/", "http://[fe80::1]/",
            "http://169.254.0.1:8080/", "http://0.0.0.0:8080/", "http://[::]/", "http://224.0.0.1/", "http://255.255.255.255/",
            "http://10.1.2.3/hooks", "http://172.16.0.9/", "http://192.168.1.1/", "http://100.64.0.1/", "http://[fd12::1]/",
            "http://localhost:59999/", "http://127.0.0.1:59999/", "http://127.1.2.3:59999/", "http://2130706433:59999/",
            "http://[::1]:59999/", "http://[::ffff:127.0.0.1]:59999/", "http://[0:0:0:0:0:ffff:7f00:1]:59999/",
            "http://[::ffff:169.254.169.254]/", "http://[::ffff:10.0.0.1]/"})
    void addressesWebhooksMustNeverReachAreRefused(String url) {
        as(ADMIN).body(Map.of("url", url, "eventTypes", List.of("OVERDUE"), "secret", SECRET))
                .post(BASE + "/webhooks").then().statusCode(422)
                .body("errors[0].field", equalTo("url"))
                .body("errors[0].message", org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.containsString("link-local"),
                        org.hamcrest.Matchers.containsString("not a host"), org.hamcrest.Matchers.containsString("private address"),
                        org.hamcrest.Matchers.containsString("this system's own"), org.hamcrest.Matchers.containsString("does not resolve")));
    }

    /**
     * A target is checked again at every delivery (a name may resolve elsewhere by then), and a target that answers
     * with something other than HTTP never has its reply repeated (no banner grabbing through disabledReason).
     */
    @Test
    void deliveriesAreCheckedAgainAndRepeatNothingATargetSays() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(204);
                java.net.ServerSocket banner = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread talker = new Thread(() -> {
                while (!banner.isClosed()) {
                    try (java.net.Socket socket = banner.accept()) {
                        socket.getOutputStream().write("SSH-2.0-OpenSSH_9.2p1 secret-banner\r\n".getBytes(StandardCharsets.US_ASCII));
                        socket.getOutputStream().flush();
                    } catch (java.io.IOException e) {
                        return;
                    }
                }
            });
            talker.setDaemon(true);
            talker.start();
            String ssh = as(ADMIN).body(Map.of("url", "http://localhost:" + banner.getLocalPort() + "/x", "eventTypes",
                    List.of("ESCALATION"), "secret", SECRET)).post(BASE + "/webhooks").then().statusCode(201).extract().path("id");
            String moved = as(ADMIN).body(Map.of("url", receiver.url(), "eventTypes", List.of("ESCALATION"), "secret", SECRET))
                    .post(BASE + "/webhooks").then().statusCode(201).extract().path("id");
            // As if its name now resolved to the metadata service: the stored URL changes under the subscription.
            try (Connection c = dataSource.getConnection();
                    java.sql.PreparedStatement update = c.prepareStatement("update webhook_subscription set url = ? where id = ?")) {
                update.setString(1, "http://169.254.169.254/latest/meta-data/");
                update.setObject(2, UUID.fromString(moved));
                update.executeUpdate();
            }
            String area = newArea("WHS");
            UUID manager = staff(area, "OFFENDER_MANAGER", "DC Ssrf Check");
            announce("uk.police.oversight.visit.overdue-escalated", compliance(area, manager, "VERY_HIGH", "2022-05-01", 60));

            await().atMost(Duration.ofSeconds(30)).until(() -> !as(ADMIN).get(BASE + "/webhooks/" + moved).<Boolean>path("active"));
            as(ADMIN).get(BASE + "/webhooks/" + moved).then()
                    .body("disabledReason", org.hamcrest.Matchers.containsString("link-local or cloud metadata"));
            assertEquals(0, receiver.received().size());
            await().atMost(Duration.ofSeconds(30)).until(() -> as(ADMIN).queryParam("recipientId", ssh).get(BASE + "/notifications")
                    .<Integer>path("items[0].attempts") >= 2);
            String error = as(ADMIN).queryParam("recipientId", ssh).get(BASE + "/notifications").path("items[0].lastError");
            assertTrue(error.startsWith("No HTTP answer") || error.startsWith("Connection closed"), error);
            assertTrue(!error.contains("SSH") && !error.contains("secret-banner"), error);
            banner.close();
        }
    }

    static String sign(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
