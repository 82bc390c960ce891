package uk.police.oversight.audit;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import uk.police.oversight.testing.AmqpTestClient;
import uk.police.oversight.testing.EmbeddedBrokerResource;
import uk.police.oversight.testing.TestTokens;

/** The one audit store: what it takes in from every service, what it answers, and what it never allows. */
@QuarkusTest
class AuditLogTest extends AuditServiceTest {

    @Inject
    DataSource dataSource;

    @Test
    void entriesFromEveryServiceAreStoredOnceEachWithTheirSender() {
        UUID offender = UUID.randomUUID();
        UUID fromOffenders = UUID.randomUUID();
        UUID fromVisits = UUID.randomUUID();
        UUID fromNotifications = UUID.randomUUID();
        String offenders = entry(fromOffenders, "offender-service", "dc.every", "2026-01-01T10:00:00Z", offender, "ALTER");
        String visits = entry(fromVisits, "visit-scheduler", "dc.every", "2026-01-01T10:01:00Z", offender, "CONSULT");
        // Delivered twice each, as a relay that crashed between sending and marking sent would.
        sendAs("offender-service", offenders, offenders);
        sendAs("visit-scheduler", visits, visits);
        sendAs("notification-service", entry(fromNotifications, "notification-service", "dc.every", "2026-01-01T10:02:00Z", offender, "DISCLOSE"));

        await().atMost(Duration.ofSeconds(15)).until(() -> stored("dc.every") >= 3);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> stored("dc.every") == 3);
        as(ADMIN).queryParam("actor", "dc.every").queryParam("sort", "at,asc").get(AUDIT_EVENTS).then().statusCode(200)
                .body("items.service", contains("offender-service", "visit-scheduler", "notification-service"))
                .body("items.action", contains("ALTER", "CONSULT", "DISCLOSE"))
                .body("items[0].offenderIds", contains(offender.toString()))
                .body("items[0].requestId", equalTo("req-" + fromOffenders));
    }

    /**
     * Only a service may send on its own audit address (the broker refuses anyone else), and an entry that claims to
     * come from another service than the one whose address it arrived on is never stored.
     */
    @Test
    void anEntryIsStoredOnlyAsTheServiceThatSentIt() {
        UUID offender = UUID.randomUUID();
        String forged = entry(UUID.randomUUID(), "notification-service", "ds.forged", "2026-01-01T10:00:00Z", offender, "CONSULT");
        try (AmqpTestClient visitScheduler = new AmqpTestClient(brokerPort(), "visit-scheduler",
                EmbeddedBrokerResource.password("visit-scheduler"))) {
            for (String notItsOwn : List.of("oversight.audit.notification-service", "oversight.audit.offender-service", "oversight.audit",
                    "oversight.offender-events")) {
                assertThrows(IllegalStateException.class, () -> visitScheduler.send(notItsOwn, forged), "visit-scheduler may not send to " + notItsOwn);
            }
            visitScheduler.send("oversight.audit.visit-scheduler", forged); // its own address: but it names another service
        }
        String honest = entry(UUID.randomUUID(), "visit-scheduler", "ds.forged-after", "2026-01-01T10:00:00Z", offender, "CONSULT");
        sendAs("visit-scheduler", honest);
        // The honest entry sent after it is stored: by then the forged one had been refused, not merely not yet read.
        await().atMost(Duration.ofSeconds(15)).until(() -> stored("ds.forged-after") == 1);
        assertEquals(0, stored("ds.forged"));
        // And audit-service itself may send nowhere: it only reads.
        try (AmqpTestClient audit = new AmqpTestClient(brokerPort(), "audit-service", EmbeddedBrokerResource.password("audit-service"))) {
            assertThrows(IllegalStateException.class, () -> audit.send("oversight.audit.visit-scheduler", honest));
        }
    }

    @Test
    void theLogIsFilteredByOffenderActorActionOutcomeAndTime() {
        UUID offender = UUID.randomUUID();
        sendAs("visit-scheduler", entry(UUID.randomUUID(), "visit-scheduler", "ds.filter", "2022-06-01T09:00:00Z", offender, "CONSULT"),
                entry(UUID.randomUUID(), "visit-scheduler", "ds.filter", "2022-06-30T23:30:00Z", offender, "DISCLOSE"),
                entry(UUID.randomUUID(), "visit-scheduler", "ds.filter", "2022-07-02T09:00:00Z", UUID.randomUUID(), "CONSULT"));
        await().atMost(Duration.ofSeconds(15)).until(() -> stored("ds.filter") == 3);

        // (Each read of the log names the offenders it showed: the admin's own reads are entries about this offender too.)
        as(ADMIN).queryParam("offenderId", offender).queryParam("actor", "ds.filter").get(AUDIT_EVENTS).then().body("totalItems", equalTo(2));
        as(ADMIN).queryParam("actor", "ds.filter").queryParam("action", "CONSULT").get(AUDIT_EVENTS).then().body("totalItems", equalTo(2));
        as(ADMIN).queryParam("actor", "ds.filter").queryParam("outcome", "REFUSED").get(AUDIT_EVENTS).then().body("totalItems", equalTo(0));
        // A date is its start in Europe/London: 23:30 UTC on 30 June is already 1 July there.
        as(ADMIN).queryParam("actor", "ds.filter").queryParam("from", "2022-06-01").queryParam("to", "2022-07-01")
                .get(AUDIT_EVENTS).then().body("totalItems", equalTo(1));
        as(ADMIN).queryParam("actor", "ds.filter").queryParam("from", "2022-06-30T22:00:00Z")
                .get(AUDIT_EVENTS).then().body("items.action", contains("CONSULT", "DISCLOSE"));
        as(ADMIN).queryParam("from", "yesterday").get(AUDIT_EVENTS).then().statusCode(400).body("errors[0].field", equalTo("from"));
        as(ADMIN).queryParam("from", "2022-07-01").queryParam("to", "2022-06-01").get(AUDIT_EVENTS).then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
    }

    @Test
    void theLogAnswersOnlyWithValidFilters() {
        as(ADMIN).queryParam("action", "PEEK").get(AUDIT_EVENTS).then().statusCode(400);
        as(ADMIN).queryParam("offenderId", "42").get(AUDIT_EVENTS).then().statusCode(400);
        as(ADMIN).queryParam("to", "31/12/2022").get(AUDIT_EVENTS).then().statusCode(400).body("errors[0].field", equalTo("to"));
        as(ADMIN).queryParam("sort", "actor,asc").get(AUDIT_EVENTS).then().statusCode(400).body("errors[0].field", equalTo("sort"));
        as(ADMIN).body(Map.of()).post(AUDIT_EVENTS).then().statusCode(405);
    }

    @Test
    void onlyAdminReadsTheLogAndEveryRefusalIsAnEntry() {
        for (String bearer : List.of(TestTokens.manager("m.audit", "N1"), TestTokens.supervisor("s.audit", "N1"), TestTokens.integration(),
                TestTokens.scrutiny())) {
            as(bearer).get(AUDIT_EVENTS).then().statusCode(403).contentType("application/problem+json");
        }
        as("Bearer not.a.token").get(AUDIT_EVENTS).then().statusCode(401);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> as(ADMIN).queryParam("actor", "m.audit").queryParam("outcome", "REFUSED")
                .get(AUDIT_EVENTS).then().body("totalItems", equalTo(1)).body("items[0].service", equalTo("audit-service")));
    }

    /** The log names offenders and staff: reading it is a consultation, and is logged like any other. */
    @Test
    void readingTheLogIsItselfLogged() {
        UUID offender = UUID.randomUUID();
        sendAs("offender-service", entry(UUID.randomUUID(), "offender-service", "dc.read", "2026-02-01T10:00:00Z", offender, "CONSULT"));
        await().atMost(Duration.ofSeconds(15)).until(() -> stored("dc.read") == 1);
        String reader = TestTokens.bearer("dpo.reader", List.of("admin"), List.of());
        String requestId = as(reader).header("X-Justification", "Subject access request").queryParam("offenderId", offender)
                .get(AUDIT_EVENTS).then().statusCode(200).extract().header("X-Request-Id");
        as(ADMIN).queryParam("actor", "dpo.reader").get(AUDIT_EVENTS).then()
                .body("items.find { it.requestId == '" + requestId + "' }.action", equalTo("CONSULT"))
                .body("items.find { it.requestId == '" + requestId + "' }.service", equalTo("audit-service"))
                .body("items.find { it.requestId == '" + requestId + "' }.justification", equalTo("Subject access request"))
                .body("items.find { it.requestId == '" + requestId + "' }.offenderIds", contains(offender.toString()));
    }

    @Test
    void theDatabaseRefusesToUpdateDeleteOrTruncateTheLog() throws SQLException {
        sendAs("visit-scheduler", entry(UUID.randomUUID(), "visit-scheduler", "ds.append", "2026-01-01T10:00:00Z", UUID.randomUUID(), "CONSULT"));
        await().atMost(Duration.ofSeconds(15)).until(() -> stored("ds.append") == 1);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            int before = count(statement);
            assertTrue(before > 0);
            SQLException update = assertThrows(SQLException.class, () -> statement.executeUpdate("update audit_event set actor = 'someone-else'"));
            assertTrue(update.getMessage().contains("append-only"), update.getMessage());
            assertThrows(SQLException.class, () -> statement.executeUpdate("delete from audit_event"));
            assertThrows(SQLException.class, () -> statement.executeUpdate("truncate audit_event"));
            assertEquals(before, count(statement));
        }
    }

    private static int count(Statement statement) throws SQLException {
        try (var rows = statement.executeQuery("select count(*) from audit_event")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
