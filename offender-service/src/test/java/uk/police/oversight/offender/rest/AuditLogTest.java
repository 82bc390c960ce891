package uk.police.oversight.offender.rest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import uk.police.oversight.offender.ApiTest;
import uk.police.oversight.testing.TestTokens;

@QuarkusTest
class AuditLogTest extends ApiTest {

    @Inject
    DataSource dataSource;

    @Test
    void everyReadAndWriteOfAnOffenderIsAuditedWithTheCallerAndJustification() {
        String area = newArea("AUD");
        String id = newOffender(area, newManager(area));
        String manager = TestTokens.manager("dc.audit", area);
        String pnc = as(ADMIN).get(BASE + "/offenders/" + id).path("pncId");

        String readId = as(manager).header("X-Justification", "Pre-visit check").header("X-Request-Id", "req-audit-1")
                .get(BASE + "/offenders/" + id).then().statusCode(200).header("X-Request-Id", "req-audit-1")
                .extract().header("X-Request-Id");
        as(manager).get(BASE + "/offenders/by-pnc/" + pnc).then().statusCode(200);
        as(manager).queryParam("areaCode", area).get(BASE + "/offenders").then().statusCode(200);
        as(manager).contentType("application/merge-patch+json").body("{\"firstName\": \"Jay\"}")
                .patch(BASE + "/offenders/" + id).then().statusCode(200);

        as(ADMIN).queryParam("offenderId", id).queryParam("actor", "dc.audit").queryParam("sort", "at,asc")
                .get(BASE + "/audit-events").then().statusCode(200)
                .body("items.action", contains("CONSULT", "CONSULT", "CONSULT", "ALTER"))
                .body("items[0].requestId", equalTo(readId))
                .body("items[0].justification", equalTo("Pre-visit check"))
                .body("items[0].roles", contains("offender-manager"))
                .body("items[0].service", equalTo("offender-service"))
                .body("items[2].detail", org.hamcrest.Matchers.containsString("/api/v1/offenders?areaCode=" + area));
        as(ADMIN).queryParam("offenderId", id).queryParam("action", "COLLECT").get(BASE + "/audit-events").then()
                .body("items.actor", contains("admin-user"));
    }

    @Test
    void aListConsultationNamesEveryOffenderItReturned() {
        String area = newArea("AUL");
        String manager = newManager(area);
        String one = newOffender(area, manager);
        String two = newOffender(area, manager);

        String requestId = as(TestTokens.supervisor("ds.list", area)).queryParam("areaCode", area).get(BASE + "/offenders")
                .then().statusCode(200).extract().header("X-Request-Id");

        as(ADMIN).queryParam("actor", "ds.list").get(BASE + "/audit-events").then()
                .body("items.find { it.requestId == '" + requestId + "' }.offenderIds", containsInAnyOrder(one, two));
    }

    @Test
    void theAuditLogIsFilteredByTime() {
        String area = newArea("AUT");
        String id = newOffender(area, newManager(area));
        as(ADMIN).queryParam("offenderId", id).queryParam("from", "2000-01-01").queryParam("to", "2000-01-02")
                .get(BASE + "/audit-events").then().body("totalItems", equalTo(0));
        as(ADMIN).queryParam("offenderId", id).queryParam("from", "2000-01-01T00:00:00Z")
                .get(BASE + "/audit-events").then().body("items.action", hasItem("COLLECT"));
        as(ADMIN).queryParam("from", "yesterday").get(BASE + "/audit-events").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
    }

    @Test
    void theDatabaseRefusesToUpdateDeleteOrTruncateTheAuditLog() throws SQLException {
        String area = newArea("APP");
        newOffender(area, newManager(area));
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

    @Test
    void theAuditLogAnswersOnlyWithValidFilters() {
        as(ADMIN).queryParam("action", "PEEK").get(BASE + "/audit-events").then().statusCode(400);
        as(ADMIN).queryParam("offenderId", "42").get(BASE + "/audit-events").then().statusCode(400);
        as(ADMIN).queryParam("sort", "actor,asc").get(BASE + "/audit-events").then().statusCode(400)
                .body("errors[0].field", equalTo("sort"));
        as(ADMIN).body(Map.of()).post(BASE + "/audit-events").then().statusCode(405);
    }

    /** DPA 2018 s.62 asks who tried as well as who saw: a refused attempt is an entry too, with outcome REFUSED. */
    @Test
    void refusedAttemptsAreKeptAsRefused() {
        String mine = newArea("ARF");
        String theirs = newArea("ARG");
        String theirOffender = newOffender(theirs, newManager(theirs));
        String pnc = as(ADMIN).get(BASE + "/offenders/" + theirOffender).path("pncId");
        String manager = TestTokens.manager("dc.prober", mine);

        as(manager).get(BASE + "/offenders/" + theirOffender).then().statusCode(404);
        as(manager).get(BASE + "/offenders/by-pnc/" + pnc).then().statusCode(404);
        as(manager).contentType("application/merge-patch+json").body("{\"firstName\": \"X\"}")
                .patch(BASE + "/offenders/" + theirOffender).then().statusCode(404);
        as(TestTokens.scrutiny()).header("X-Request-Id", "req-refused-403").get(BASE + "/offenders").then().statusCode(403);

        as(ADMIN).queryParam("actor", "dc.prober").queryParam("outcome", "REFUSED").queryParam("sort", "at,asc")
                .get(BASE + "/audit-events").then().statusCode(200)
                .body("items.action", contains("CONSULT", "CONSULT", "ALTER"))
                .body("items[0].offenderIds", contains(theirOffender))
                .body("items[1].offenderIds", contains(theirOffender))
                .body("items[0].outcome", equalTo("REFUSED"));
        as(ADMIN).queryParam("outcome", "REFUSED").queryParam("actor", "pcc-analyst").get(BASE + "/audit-events").then()
                .body("items.find { it.requestId == 'req-refused-403' }.detail", equalTo("GET /api/v1/offenders"))
                .body("items.find { it.requestId == 'req-refused-403' }.roles", contains("scrutiny"));
        // The granted reads of the same caller are not marked refused.
        as(ADMIN).queryParam("actor", "dc.prober").queryParam("outcome", "GRANTED").get(BASE + "/audit-events").then()
                .body("totalItems", equalTo(0));
    }

    /** The audit log names offenders and staff: reading it is a consultation, and is logged like any other. */
    @Test
    void readingTheAuditLogIsItselfLogged() {
        String area = newArea("ARL");
        String id = newOffender(area, newManager(area));
        String reader = TestTokens.bearer("dpo.reader", java.util.List.of("admin"), java.util.List.of());
        String requestId = as(reader).queryParam("offenderId", id).get(BASE + "/audit-events").then().statusCode(200)
                .extract().header("X-Request-Id");
        as(ADMIN).queryParam("actor", "dpo.reader").get(BASE + "/audit-events").then()
                .body("items.find { it.requestId == '" + requestId + "' }.action", equalTo("CONSULT"))
                .body("items.find { it.requestId == '" + requestId + "' }.offenderIds", contains(id));
    }

    /** X-Justification is UTF-8 text (as every HTTP library sends it), one line, at most 500 characters. */
    @Test
    void aJustificationIsKeptAsWrittenAndChecked() {
        String area = newArea("AJU");
        String id = newOffender(area, newManager(area));
        String written = "Überprüfung vor dem Besuch – Ærø, Łódź";
        String requestId = "req-utf8-" + java.util.UUID.randomUUID();
        // The header's bytes as an HTTP library sends UTF-8 text (RestAssured would re-encode it), on a socket of its own.
        try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            java.io.ByteArrayOutputStream request = new java.io.ByteArrayOutputStream();
            request.writeBytes(("GET " + BASE + "/offenders/" + id + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + ADMIN
                    + "\r\nX-Request-Id: " + requestId + "\r\nConnection: close\r\nX-Justification: ").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            request.writeBytes(written.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            request.writeBytes("\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().write(request.toByteArray());
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        as(ADMIN).queryParam("offenderId", id).queryParam("actor", "admin-user").get(BASE + "/audit-events").then()
                .body("items.find { it.requestId == '" + requestId + "' }.justification", equalTo(written));
        as(ADMIN).header("X-Justification", "x".repeat(501)).get(BASE + "/offenders/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("X-Justification"));
        as(ADMIN).header("X-Justification", "Ä".repeat(500)).get(BASE + "/offenders/" + id).then().statusCode(200);
    }

    private static int count(Statement statement) throws SQLException {
        try (var rows = statement.executeQuery("select count(*) from audit_event")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
