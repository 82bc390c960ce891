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

    private static int count(Statement statement) throws SQLException {
        try (var rows = statement.executeQuery("select count(*) from audit_event")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
