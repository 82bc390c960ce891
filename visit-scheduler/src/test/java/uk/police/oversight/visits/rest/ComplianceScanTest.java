package uk.police.oversight.visits.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.police.oversight.testing.AmqpTestClient;
import uk.police.oversight.visits.VisitApiTest;

/** The compliance scan announces each (offender, kind, due date) once, on the broker, however often it runs. */
@QuarkusTest
class ComplianceScanTest extends VisitApiTest {

    private static final String SUBSCRIPTION = "oversight.compliance-events::oversight.compliance-events.notification-service";

    @Test
    void theScanAnnouncesDueSoonOverdueEscalationAndReviewsOnce() {
        String area = newArea("SCN");
        // Overdue 31 days and VERY_HIGH: overdue and escalated at once.
        Map<String, Object> veryHigh = offender(area);
        veryHigh.put("riskLevel", "VERY_HIGH");
        veryHigh.put("registeredOn", "2015-01-01");
        veryHigh.put("statusSince", "2015-01-01");
        String urgent = register(veryHigh);
        visit(urgent, "2016-04-30", "HOME_VISIT", "COMPLETED");
        // Due in 5 days (HIGH, last visit three months before that): due soon.
        Map<String, Object> high = offender(area);
        high.put("registeredOn", "2015-01-01");
        high.put("statusSince", "2015-01-01");
        String soon = register(high);
        visit(soon, "2016-03-05", "HOME_VISIT", "COMPLETED");

        as(ADMIN).queryParam("asOf", "2016-05-31").post(BASE + "/compliance-scans").then().statusCode(200)
                .body("asOf", equalTo("2016-05-31"))
                .body("overdue", greaterThanOrEqualTo(1))
                .body("escalated", greaterThanOrEqualTo(1))
                .body("dueSoon", greaterThanOrEqualTo(1));
        as(ADMIN).queryParam("asOf", "2016-05-31").post(BASE + "/compliance-scans").then().statusCode(200)
                .body("overdue", equalTo(0)).body("escalated", equalTo(0)).body("dueSoon", equalTo(0))
                .body("riskReviewsOverdue", equalTo(0));

        try (AmqpTestClient amqp = new AmqpTestClient(brokerPort())) {
            // Both were registered in 2015 and never assessed, so each is also overdue a risk review: five events.
            java.util.function.Predicate<String> announcement = e -> (e.contains(urgent) || e.contains(soon))
                    && !e.contains("visit.recorded");
            List<String> events = amqp.receiveUntil(SUBSCRIPTION,
                    received -> received.stream().filter(announcement).count() >= 5,
                    Duration.ofSeconds(15)).stream().filter(announcement).toList();
            assertEquals(5, events.size(), events.toString());
            assertEquals(2, events.stream().filter(e -> e.contains("risk-review.overdue")).count(), events.toString());
            assertEquals(1, events.stream().filter(e -> e.contains(urgent) && e.contains("\"uk.police.oversight.visit.overdue\"")).count());
            assertEquals(1, events.stream().filter(e -> e.contains(urgent) && e.contains("overdue-escalated")).count());
            assertEquals(1, events.stream().filter(e -> e.contains(soon) && e.contains("due-soon")).count());
            assertTrue(events.stream().filter(e -> e.contains(urgent) && !e.contains("risk-review"))
                    .allMatch(e -> e.contains("\"dueOn\":\"2016-05-30\"")), events.toString());
        }
    }

    @Test
    void onlyAdminRunsTheScan() {
        as(INTEGRATION).post(BASE + "/compliance-scans").then().statusCode(403);
        as(SCRUTINY).post(BASE + "/compliance-scans").then().statusCode(403);
        as(ADMIN).queryParam("asOf", "yesterday").post(BASE + "/compliance-scans").then().statusCode(400);
    }
}
