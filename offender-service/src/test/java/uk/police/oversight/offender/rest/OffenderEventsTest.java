package uk.police.oversight.offender.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import uk.police.oversight.offender.ApiTest;
import uk.police.oversight.testing.AmqpTestClient;
import uk.police.oversight.testing.TestTokens;

/** What offender-service publishes, read back from the real broker. */
@QuarkusTest
class OffenderEventsTest extends ApiTest {

    private static final String SUBSCRIPTION = "oversight.offender-events::oversight.offender-events.notification-service";

    @Inject
    ObjectMapper objectMapper;

    @Test
    void everyChangeOfAnOffenderIsPublishedWithItsNewVersion() throws Exception {
        String area = newArea("EVT");
        String id = newOffender(area, newManager(area));
        as(ADMIN).contentType("application/merge-patch+json").body("{\"visitIntervalMonths\": 2}")
                .patch(BASE + "/offenders/" + id).then().statusCode(200);
        as(TestTokens.manager("dc.events", area)).body(Map.of("assessedOn", "2022-05-10", "riskLevel", "VERY_HIGH", "tool", "ARMS"))
                .post(BASE + "/offenders/" + id + "/risk-assessments").then().statusCode(201);
        as(TestTokens.manager("dc.events", area)).body(Map.of("status", "IN_CUSTODY", "effectiveOn", "2022-06-01", "reason", "Recalled"))
                .post(BASE + "/offenders/" + id + "/status-changes").then().statusCode(201);

        List<JsonNode> events = eventsAbout(id, 5);

        assertEquals(List.of("uk.police.oversight.offender.registered", "uk.police.oversight.offender.changed",
                "uk.police.oversight.offender.changed", "uk.police.oversight.offender.risk-assessment-recorded",
                "uk.police.oversight.offender.changed"), events.stream().map(e -> e.get("type").asText()).toList());
        JsonNode registered = events.get(0);
        assertEquals("1.0", registered.get("specversion").asText());
        assertEquals("/offender-service", registered.get("source").asText());
        assertEquals(0, registered.at("/data/version").asInt());
        assertEquals(area, registered.at("/data/areaCode").asText());
        assertTrue(registered.at("/data/address").isMissingNode(), "no address leaves the service");
        assertEquals(1, events.get(1).at("/data/version").asInt());
        assertEquals("visitIntervalMonths", events.get(1).at("/data/changed/0").asText());
        assertEquals(2, events.get(2).at("/data/version").asInt());
        assertEquals("VERY_HIGH", events.get(2).at("/data/riskLevel").asText());
        assertEquals("2022-05-10", events.get(2).at("/data/lastRiskAssessmentOn").asText());
        assertEquals(3, events.get(4).at("/data/version").asInt());
        assertEquals("IN_CUSTODY", events.get(4).at("/data/status").asText());
        String version = as(ADMIN).get(BASE + "/offenders/" + id).header("ETag");
        assertEquals("\"3\"", version, "the version in the last event is the record's version");
    }

    @Test
    void aResentBatchPublishesNothingNew() throws Exception {
        String area = newArea("EVB");
        String manager = newManager(area);
        Map<String, Object> item = offender(newPnc(), area, manager);
        String id = as(INTEGRATION).body(Map.of("items", List.of(item))).post(BASE + "/offenders/batch").path("results[0].id");
        as(INTEGRATION).body(Map.of("items", List.of(item))).post(BASE + "/offenders/batch").then().statusCode(200);

        // Wait for the registration, then long enough for a wrongly published second event to arrive too.
        List<JsonNode> events = eventsAbout(id, 2, Duration.ofSeconds(4));

        assertEquals(1, events.size(), "only the registration, nothing for the unchanged resend");
    }

    /** Reads the subscription until {@code expected} events about the offender have arrived (or 15 s pass). */
    private List<JsonNode> eventsAbout(String offenderId, int expected) {
        return eventsAbout(offenderId, expected, Duration.ofSeconds(15));
    }

    private List<JsonNode> eventsAbout(String offenderId, int expected, Duration timeout) {
        try (AmqpTestClient amqp = new AmqpTestClient(brokerPort())) {
            List<String> bodies = amqp.receiveUntil(SUBSCRIPTION,
                    received -> received.stream().filter(b -> b.contains(offenderId)).count() >= expected, timeout);
            return bodies.stream().map(this::parse).filter(e -> offenderId.equals(e.get("subject").asText())).toList();
        }
    }

    private JsonNode parse(String body) {
        try {
            return objectMapper.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int brokerPort() {
        return ConfigProvider.getConfig().getValue("amqp-port", Integer.class);
    }
}
