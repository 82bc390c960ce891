package uk.police.oversight.visits.rest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import uk.police.oversight.testing.AmqpTestClient;
import uk.police.oversight.visits.VisitApiTest;

/** The projection is built from offender-service's events, idempotently and in version order. */
@QuarkusTest
class ProjectionTest extends VisitApiTest {

    @Inject
    MeterRegistry registry;

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

    @Test
    void aBulkLoadIsProjectedInSharedTransactionsAndNothingIsLost() throws Exception {
        String area = newArea("BLK");
        Map<String, Object> held = offender(area);
        UUID heldId = UUID.fromString(register(held));
        List<UUID> ids = new ArrayList<>();
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Map<String, Object> facts = offender(area);
            ids.add(UUID.fromString((String) facts.get("offenderId")));
            events.add(event(UUID.randomUUID(), "uk.police.oversight.offender.registered", facts));
        }
        DistributionSummary batches = registry.find("oversight.consumer.batch.deliveries").tag("channel", "offender-events").summary();
        long transactionsBefore = batches.count();
        double deliveriesBefore = batches.totalAmount();

        // A request holds one offender's row while the load arrives: the consumer's transaction waits for it, and the
        // deliveries arriving meanwhile queue up as they would behind a slow database under a bulk load.
        try (Connection holder = dataSource.getConnection(); AmqpTestClient amqp = new AmqpTestClient(brokerPort())) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("select 1 from offender_projection where offender_id = ? for update")) {
                lock.setObject(1, heldId);
                lock.executeQuery().close();
            }
            held.put("version", 1);
            held.put("riskLevel", "VERY_HIGH");
            amqp.send("oversight.offender-events", event(UUID.randomUUID(), "uk.police.oversight.offender.changed", held));
            amqp.sendAll("oversight.offender-events", events);
            Thread.sleep(1_000);
            // Deliveries waiting for a transaction do not take the threads requests are served on: a request is
            // answered while they wait (the row stays held until it is, or for 20 s).
            CompletableFuture<Integer> request = CompletableFuture.supplyAsync(
                    () -> as(INTEGRATION).queryParam("offenderId", heldId).get(BASE + "/visits").statusCode());
            Integer status = null;
            try {
                status = request.get(20, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                // answered below as a failure, once the row is let go
            }
            holder.rollback();
            assertEquals(200, status, "a request was answered while the consumer's deliveries waited");
        }

        awaitProjected(heldId, 1);
        for (UUID id : ids) {
            awaitProjected(id, 0);
        }
        long transactions = batches.count() - transactionsBefore;
        double deliveries = batches.totalAmount() - deliveriesBefore;
        assertEquals(301.0, deliveries, "every delivery committed once");
        assertTrue(transactions <= 301 / 3, "301 deliveries should share transactions, took " + transactions);
        assertTrue(batches.max() <= 100, "no transaction carries more than oversight.messaging.batch-size");
        assertEquals(301L, count("select count(*) from offender_projection where area_code = '" + area + "'"));
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
