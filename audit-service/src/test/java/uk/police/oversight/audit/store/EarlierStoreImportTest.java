package uk.police.oversight.audit.store;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.police.oversight.audit.AuditServiceTest;
import uk.police.oversight.testing.EmbeddedPostgresResource;

/**
 * A force that ran an earlier version has its audit log in offender-service's database: the move copies every entry
 * once, in pages, keeps their outcome and sender, resumes where it stopped, and never stores an entry twice, not even
 * one that reached both stores (an entry delivered to the old store and again to this one during the switch-over).
 */
@QuarkusTest
class EarlierStoreImportTest extends AuditServiceTest {

    @Inject
    EarlierStoreImport move;

    @Test
    void theEarlierStoresEntriesAreMovedOnceEachAndTheMoveResumes() throws SQLException {
        String url = EmbeddedPostgresResource.server().ensureDatabase("earlier_offender").jdbcUrl("earlier_offender");
        UUID deliveredToBoth = UUID.randomUUID();
        UUID offender = UUID.randomUUID();
        try (Connection earlier = DriverManager.getConnection(url, "postgres", ""); Statement statement = earlier.createStatement()) {
            // offender-service's audit_event as its migrations V2 and V3 left it.
            statement.execute("create table audit_event (id bigserial primary key, at timestamptz not null, actor varchar(200) not null,"
                    + " roles text[] not null, action varchar(10) not null, offender_ids uuid[] not null, service varchar(50) not null,"
                    + " request_id varchar(100), justification varchar(500), detail varchar(1000), source_event_id uuid unique,"
                    + " outcome varchar(10) not null default 'GRANTED')");
            statement.execute("insert into audit_event (at, actor, roles, action, offender_ids, service, justification, outcome)"
                    + " select timestamptz '2023-01-01 00:00Z' + n * interval '1 minute', 'dc.earlier', '{offender-manager}',"
                    + " case when n % 2 = 0 then 'CONSULT' else 'ALTER' end, array['" + offender + "'::uuid], 'offender-service',"
                    + " 'Earlier ' || n, case when n % 10 = 0 then 'REFUSED' else 'GRANTED' end from generate_series(1, 2500) n");
            insertEarlier(earlier, deliveredToBoth, offender);
        }
        sendAs("visit-scheduler", entry(deliveredToBoth, "visit-scheduler", "ds.both", "2023-03-01T10:00:00Z", offender, "CONSULT"));
        await().atMost(Duration.ofSeconds(15)).until(() -> stored("ds.both") == 1);

        assertEquals(2500, move.copyAll(url, "postgres", ""), "every entry but the one both stores had");
        assertEquals(0, move.copyAll(url, "postgres", ""), "a second run copies nothing");
        assertEquals(2500, stored("dc.earlier"));
        assertEquals(1, stored("ds.both"));
        as(ADMIN).queryParam("actor", "dc.earlier").queryParam("outcome", "REFUSED").get(AUDIT_EVENTS).then()
                .body("totalItems", equalTo(250));
        as(ADMIN).queryParam("actor", "dc.earlier").queryParam("sort", "at,asc").queryParam("size", 1).get(AUDIT_EVENTS).then()
                .body("items[0].justification", equalTo("Earlier 1"))
                .body("items[0].action", equalTo("ALTER"))
                .body("items[0].service", equalTo("offender-service"))
                .body("items[0].offenderIds", contains(offender.toString()));

        // Entries written to the earlier store after a run (an old replica still running) are taken by the next one.
        try (Connection earlier = DriverManager.getConnection(url, "postgres", ""); Statement statement = earlier.createStatement()) {
            statement.execute("insert into audit_event (at, actor, roles, action, offender_ids, service) select now(), 'dc.later',"
                    + " '{admin}', 'CONSULT', '{}', 'offender-service' from generate_series(1, 7)");
        }
        assertEquals(7, move.copyAll(url, "postgres", ""));
        assertEquals(7, stored("dc.later"));
    }

    private static void insertEarlier(Connection earlier, UUID sourceEventId, UUID offender) throws SQLException {
        try (PreparedStatement insert = earlier.prepareStatement("insert into audit_event (at, actor, roles, action, offender_ids,"
                + " service, source_event_id) values (?, 'ds.both', '{supervisor}', 'CONSULT', ?, 'visit-scheduler', ?)")) {
            insert.setTimestamp(1, Timestamp.from(Instant.parse("2023-03-01T10:00:00Z")));
            insert.setArray(2, earlier.createArrayOf("uuid", new Object[] {offender}));
            insert.setObject(3, sourceEventId);
            insert.executeUpdate();
        }
    }
}
