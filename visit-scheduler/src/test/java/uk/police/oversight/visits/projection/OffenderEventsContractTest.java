package uk.police.oversight.visits.projection;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.police.oversight.common.events.EventTypes;
import uk.police.oversight.offender.events.OffenderErasedData;
import uk.police.oversight.offender.events.OffenderFactsData;
import uk.police.oversight.offender.events.ReplayCompletedData;
import uk.police.oversight.offender.events.RiskAssessmentData;
import uk.police.oversight.offender.events.StaffData;
import uk.police.oversight.testing.AmqpTestClient;
import uk.police.oversight.testing.EventContract;
import uk.police.oversight.testing.Rows;
import uk.police.oversight.visits.VisitApiTest;

/**
 * visit-scheduler's side of the offender events' contract: each payload is made by offender-service's own record
 * (its {@code events} jar) and enveloped as its outbox does, must be the message docs/events.asyncapi.yaml documents
 * on {@code oversight.offender-events}, and is then consumed from the broker with the effect the consumer promises.
 * A producer whose record changes breaks this build before it breaks a deployment.
 */
@QuarkusTest
class OffenderEventsContractTest extends VisitApiTest {

    private static final EventContract CONTRACT = EventContract.ofRepository();

    @Inject
    ObjectMapper objectMapper;

    @Test
    void offenderServicesRecordsAreTheDocumentedMessagesAndVisitSchedulerProjectsThem() {
        String area = newArea("CTR");
        UUID offenderId = UUID.randomUUID();
        UUID managerId = UUID.randomUUID();
        String pnc = newPnc();

        send(EventTypes.OFFENDER_REGISTERED, offenderId, new OffenderFactsData(offenderId, 0, pnc, "Contract Offender",
                "HIGH", "ACTIVE", "IN_COMMUNITY", date("2021-03-01"), area, managerId, date("2021-02-01"), null, null,
                date("2021-02-15"), List.of(), null));
        awaitProjected(offenderId, 0);
        assertEquals(Map.of("pnc_id", pnc, "display_name", "Contract Offender", "risk_level", "HIGH", "management_mode", "ACTIVE",
                "status", "IN_COMMUNITY", "status_since", "2021-03-01", "area_code", area, "manager_id", managerId.toString(),
                "registered_on", "2021-02-01", "last_risk_assessment_on", "2021-02-15"), projected(offenderId));

        send(EventTypes.OFFENDER_CHANGED, offenderId, new OffenderFactsData(offenderId, 1, pnc, "Contract Offender",
                "VERY_HIGH", "REACTIVE", "IN_CUSTODY", date("2022-01-10"), area, managerId, date("2021-02-01"),
                date("2031-02-01"), 3, date("2022-01-05"), List.of("riskLevel", "managementMode", "status", "visitIntervalMonths"), null));
        awaitProjected(offenderId, 1);
        Map<String, String> changed = projected(offenderId);
        assertEquals("VERY_HIGH", changed.get("risk_level"));
        assertEquals("REACTIVE", changed.get("management_mode"));
        assertEquals("IN_CUSTODY", changed.get("status"));
        assertEquals("2022-01-10", changed.get("status_since"));
        assertEquals("2022-01-05", changed.get("last_risk_assessment_on"));
        assertEquals("3", column(offenderId, "visit_interval_months"));
        assertEquals("2031-02-01", column(offenderId, "notification_ends_on"));

        send(EventTypes.OFFENDER_SNAPSHOT, offenderId, new OffenderFactsData(offenderId, 2, pnc, "Contract Offender",
                "VERY_HIGH", "REACTIVE", "IN_COMMUNITY", date("2022-02-01"), area, managerId, date("2021-02-01"),
                date("2031-02-01"), 3, date("2022-01-05"), List.of(), null));
        awaitProjected(offenderId, 2);
        assertEquals("IN_COMMUNITY", column(offenderId, "status"));

        UUID assessment = send(EventTypes.RISK_ASSESSMENT_RECORDED, offenderId, new RiskAssessmentData(offenderId,
                UUID.randomUUID(), date("2022-01-05"), "VERY_HIGH", "ARMS", true));
        awaitTaken(assessment);

        UUID staffId = UUID.randomUUID();
        send(EventTypes.STAFF_CHANGED, staffId, new StaffData(staffId, 0, "CT-1", "Officer Contract", "contract@force.example",
                "OFFENDER_MANAGER", area, true));
        await().atMost(Duration.ofSeconds(15)).until(() -> staff(staffId), List.of(area, "OFFENDER_MANAGER", "true")::equals);

        UUID replay = UUID.randomUUID();
        UUID completed = send(EventTypes.OFFENDER_REPLAY_COMPLETED, replay, new ReplayCompletedData(replay, 0, 0));
        awaitTaken(completed);

        send(EventTypes.OFFENDER_ERASED, offenderId, new OffenderErasedData(offenderId));
        await().atMost(Duration.ofSeconds(15)).until(() -> projectedVersion(offenderId) == null);
        assertNull(projectedVersion(offenderId));
    }

    /** Sends offender-service's record as its outbox would, once the contract has it; the event id. */
    private UUID send(String type, UUID subject, Object data) {
        String json = CONTRACT.envelope(objectMapper, EventTypes.OFFENDER_ADDRESS, "/offender-service", type, subject, data);
        try (AmqpTestClient amqp = new AmqpTestClient(brokerPort())) {
            amqp.send(EventTypes.OFFENDER_ADDRESS, json);
        }
        return EventContract.idOf(json);
    }

    /** Waits until visit-scheduler has taken the event (its inbox holds it), whatever it did with it. */
    private void awaitTaken(UUID eventId) {
        await().atMost(Duration.ofSeconds(15)).until(() -> !rows("select event_id from inbox_event where event_id = ?", eventId).isEmpty());
    }

    private Map<String, String> projected(UUID offenderId) {
        List<String> row = rows("select pnc_id, display_name, risk_level, management_mode, status, status_since, area_code,"
                + " manager_id, registered_on, last_risk_assessment_on from offender_projection where offender_id = ?", offenderId);
        List<String> names = List.of("pnc_id", "display_name", "risk_level", "management_mode", "status", "status_since",
                "area_code", "manager_id", "registered_on", "last_risk_assessment_on");
        Map<String, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            columns.put(names.get(i), row.get(i));
        }
        return columns;
    }

    private String column(UUID offenderId, String column) {
        return rows("select " + column + " from offender_projection where offender_id = ?", offenderId).get(0);
    }

    private List<String> staff(UUID staffId) {
        return rows("select area_code, role, active from staff_projection where staff_id = ?", staffId);
    }

    private List<String> rows(String sql, UUID id) {
        return Rows.first(dataSource, sql, id);
    }
}
