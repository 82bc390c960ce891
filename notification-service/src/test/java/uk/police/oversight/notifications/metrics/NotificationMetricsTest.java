package uk.police.oversight.notifications.metrics;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import uk.police.oversight.notifications.NotificationApiTest;
import uk.police.oversight.testing.ManagementInterface;

/**
 * The management interface shows the delivery log by channel and state, disabled webhooks, the outbox's backlog, the
 * redeliveries the inbox skipped and the deliveries that failed.
 */
@QuarkusTest
class NotificationMetricsTest extends NotificationApiTest {

    @Inject
    NotificationMetrics metrics;

    @Test
    void theDeliveryLogAndTheConsumersAreCounted() {
        String area = newArea("MTR");
        UUID manager = staff(area, "OFFENDER_MANAGER", "DC Metrics");
        String overdue = announce("uk.police.oversight.visit.overdue", compliance(area, manager, "HIGH", "2022-06-01", 29));
        await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(email(manager)).size() == 1);
        // The same event again (a redelivery, as after a relay crash) and one that is not an event at all.
        send("oversight.compliance-events", overdue);
        send("oversight.compliance-events", "not an event");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            metrics.refresh();
            String scrape = scrape();
            assertEquals(count("select count(*) from notification where channel = 'EMAIL' and status = 'SENT'"),
                    value(scrape, "oversight_notifications", "channel=\"email\"", "state=\"sent\""));
            assertEquals(count("select count(*) from notification where channel = 'EMAIL' and status = 'PENDING'"),
                    value(scrape, "oversight_notifications", "channel=\"email\"", "state=\"pending\""));
            assertEquals(count("select count(*) from notification where channel = 'WEBHOOK' and status = 'FAILED'"),
                    value(scrape, "oversight_notifications", "channel=\"webhook\"", "state=\"failed\""));
            assertEquals(count("select count(*) from webhook_subscription where not active"),
                    value(scrape, "oversight_webhook_subscriptions_disabled"));
            assertTrue(value(scrape, "oversight_notifications", "channel=\"email\"", "state=\"sent\"") >= 1);
            assertTrue(value(scrape, "oversight_inbox_duplicates_skipped_total", "consumer=\"notification-service\"",
                    "type=\"uk.police.oversight.visit.overdue\"") >= 1, scrape);
            assertTrue(value(scrape, "oversight_consumer_failed_total", "channel=\"compliance-events\"") >= 1, scrape);
            assertTrue(value(scrape, "oversight_outbox_oldest_pending_age_seconds") >= 0, scrape);
        });
    }

    private static String scrape() {
        return given().get(ManagementInterface.url("/q/metrics")).then().statusCode(200).extract().asString();
    }

    /** The value of the first series of the metric whose labels include all of those given. */
    private static double value(String scrape, String metric, String... labels) {
        Matcher line = Pattern.compile("(?m)^" + metric + "(?:\\{([^}]*)\\})? (\\S+)(?: #.*)?$").matcher(scrape);
        while (line.find()) {
            String found = line.group(1) == null ? "" : line.group(1);
            if (java.util.Arrays.stream(labels).allMatch(found::contains)) {
                return Double.parseDouble(line.group(2));
            }
        }
        throw new AssertionError(metric + " " + String.join(",", labels) + " is not in the scrape:\n" + scrape);
    }
}
