package uk.police.oversight.visits.rest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.police.oversight.testing.AmqpTestClient;
import uk.police.oversight.visits.VisitApiTest;

/** The projection is built from offender-service's events, idempotently and in version order. */
@QuarkusTest
class ProjectionTest extends VisitApiTest {

    @Test
    void registeredAndChangedOffendersAreProjected() throws Exception {
        Map<String, Object> facts = offender(newArea("PRJ"));
        UUID id = UUID.fromString(register(facts));

        facts.put("version", 1);
        facts.put("riskLevel", "VERY_HIGH");
        facts.put("visitIntervalMonths", 2);
        publish("uk.police.oversight.offender.changed", facts);

        assertEquals("VERY_HIGH", column(id, "risk_level"));
        assertEquals("2", column(id, "visit_interval_months"));
    }

    @Test
    void aRedeliveredOrStaleEventChangesNothing() throws Exception {
        Map<String, Object> facts = offender(newArea("DUP"));
        UUID id = UUID.fromString((String) facts.get("offenderId"));
        UUID registeredId = UUID.randomUUID();
        String registered = event(registeredId, "uk.police.oversight.offender.registered", facts);
        Map<String, Object> changed = new java.util.LinkedHashMap<>(facts);
        changed.put("version", 1);
        changed.put("status", "IN_CUSTODY");
        changed.put("statusSince", "2022-01-01");

        try (AmqpTestClient amqp = new AmqpTestClient(brokerPort())) {
            amqp.send("oversight.offender-events", registered);
            amqp.send("oversight.offender-events", event(UUID.randomUUID(), "uk.police.oversight.offender.changed", changed));
            awaitProjected(id, 1);
            // The same event again (a redelivery), and a stale one that arrives late (another id, an older version).
            amqp.send("oversight.offender-events", registered);
            amqp.send("oversight.offender-events", event(UUID.randomUUID(), "uk.police.oversight.offender.snapshot", facts));
        }
        awaitInbox(registeredId);
        // Nothing the redelivery and the stale snapshot could do shows within a second more.
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> projectedVersion(id) == 1L);

        assertEquals(1L, projectedVersion(id));
        assertEquals("IN_CUSTODY", column(id, "status"));
        assertEquals(1L, count("select count(*) from inbox_event where event_id = '" + registeredId + "'"));
    }

    @Test
    void anErasedOffenderIsForgottenAndStaysForgotten() throws Exception {
        String area = newArea("ERS");
        Map<String, Object> facts = offender(area);
        String id = register(facts);
        visit(id, "2022-01-10", "HOME_VISIT", "COMPLETED");

        try (AmqpTestClient amqp = new AmqpTestClient(brokerPort())) {
            amqp.send("oversight.offender-events", event(UUID.randomUUID(), "uk.police.oversight.offender.erased",
                    Map.of("offenderId", id)));
            await().atMost(Duration.ofSeconds(10)).until(() -> projectedVersion(UUID.fromString(id)) == null);
            amqp.send("oversight.offender-events", event(UUID.randomUUID(), "uk.police.oversight.offender.changed", facts));
        }
        // The change that came after the erasure never brings the offender back.
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> projectedVersion(UUID.fromString(id)) == null);

        assertNull(projectedVersion(UUID.fromString(id)));
        assertEquals(0L, count("select count(*) from visit where offender_id = '" + id + "'"));
    }

    private void awaitInbox(UUID eventId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> count("select count(*) from inbox_event where event_id = '" + eventId + "'") > 0);
    }

    private String column(UUID id, String column) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select " + column + " from offender_projection where offender_id = ?")) {
            select.setObject(1, id);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private long count(String sql) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql); ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
