package uk.police.oversight.system;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import uk.police.oversight.testing.EventContract;

/**
 * The event contract, docs/events.asyncapi.yaml, held against what the producers really send: a flow through the
 * gateway makes every kind of event, and each event the services wrote to their outboxes (the exact documents the
 * relays send) must be a documented message on its documented address, with a payload its schema accepts. A
 * producer whose record changes (a field renamed, added or dropped, a new type) fails this build, not a deployment.
 * The consumers' half is their contract tests (OffenderEventsContractTest, EventsContractTest, AuditEventsContractTest).
 */
class EventContractIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Made only by a force-wide replay: checked when earlier tests made them, not made here. */
    private static final Set<String> MADE_ELSEWHERE = Set.of("uk.police.oversight.offender.snapshot",
            "uk.police.oversight.offender.replay-completed");

    @Test
    void everyEventTheProducersSendIsTheDocumentedMessageOnItsDocumentedAddress() throws Exception {
        EventContract contract = EventContract.ofRepository();
        makeEveryKindOfEvent();

        List<String> defects = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        assertTrue(SystemStack.eventually(Duration.ofSeconds(30), () -> recentEvents("notifications").stream()
                .anyMatch(e -> e.path("type").asText().equals("uk.police.oversight.audit.recorded"))), "notification-service audited its emails");
        for (String database : List.of("offender", "visits", "notifications", "assurance")) {
            for (JsonNode row : recentEvents(database)) {
                String type = row.path("type").asText();
                seen.add(type);
                for (String defect : contract.defects(row.path("destination").asText(), row.path("payload").asText())) {
                    defects.add(database + ": " + defect + " in " + clip(row.path("payload").asText()));
                }
            }
        }
        Set<String> unseen = contract.types();
        unseen.removeAll(seen);
        unseen.removeAll(MADE_ELSEWHERE);
        assertTrue(unseen.isEmpty(), "the flow made every documented message: missing " + unseen);
        assertTrue(defects.isEmpty(), defects.size() + " events differ from docs/events.asyncapi.yaml:\n"
                + String.join("\n", defects.subList(0, Math.min(40, defects.size()))));
    }

    /**
     * One of each: registrations, a change, a risk assessment, staff, a visit, every announcement of the scan, an erasure,
     * an action's two reminders and an audited case file read.
     */
    private static void makeEveryKindOfEvent() {
        String[] world = World.areaWithManager("EVC");
        World.supervisor(world[0]);
        List<Map<String, Object>> items = World.offenders(world[0], world[1], 3);
        items.get(0).put("riskLevel", "VERY_HIGH");
        items.get(0).put("registeredOn", "2011-01-01");
        items.get(1).put("registeredOn", "2012-01-20");
        items.get(2).put("registeredOn", "2011-06-01");
        List<String> ids = SystemStack.integration().body(Map.of("items", items)).post(SystemStack.api() + "/offenders/batch")
                .then().statusCode(200).extract().path("results.id");
        assertTrue(SystemStack.eventually(Duration.ofSeconds(60), () -> EventFlowIT.projected(world[0]) == 3), "projected");
        SystemStack.admin().contentType("application/merge-patch+json").body(Map.of("firstName", "Robin"))
                .patch(SystemStack.api() + "/offenders/" + ids.get(1)).then().statusCode(200);
        SystemStack.as("dc.contract", List.of("offender-manager"), world[0]).body(Map.of("assessedOn", "2011-03-01", "riskLevel", "HIGH",
                "tool", "ARMS")).post(SystemStack.api() + "/offenders/" + ids.get(2) + "/risk-assessments").then().statusCode(201);
        SystemStack.integration().body(Map.of("offenderId", ids.get(2), "visitDate", "2011-07-01", "type", "HOME_VISIT",
                "outcome", "COMPLETED", "announced", false)).post(SystemStack.api() + "/visits").then().statusCode(201);
        // As of 2012-02-10: the first is overdue (and, VERY_HIGH, escalated at once) and overdue a risk review; the
        // second is due on 2012-02-17, within the week.
        SystemStack.admin().queryParam("asOf", "2012-02-10").post(SystemStack.api() + "/compliance-scans").then().statusCode(200);
        SystemStack.admin().header("X-Justification", "Registered in error (contract test)")
                .delete(SystemStack.api() + "/offenders/" + ids.get(2)).then().statusCode(204);
        // assurance-service: an action reminded of before and after it falls due, and a panel member's case file read.
        String owner = SystemStack.admin().get(SystemStack.api() + "/staff?role=SUPERVISOR&areaCode=" + world[0]).path("items[0].id");
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London"));
        SystemStack.admin().body(Map.of("reference", "EVC-" + world[0], "source", "ASSURANCE_PANEL", "title", "Contract action",
                "description", "An action of the event contract test", "owner", "DS " + world[0], "ownerStaffId", owner,
                "dueOn", today.plusDays(3).toString())).post(SystemStack.api() + "/actions").then().statusCode(201);
        SystemStack.admin().post(SystemStack.api() + "/actions/reminders?on=" + today).then().statusCode(200);
        SystemStack.admin().post(SystemStack.api() + "/actions/reminders?on=" + today.plusDays(4)).then().statusCode(200);
        String sample = SystemStack.admin().body(Map.of("title", "Contract sample " + world[0], "population", Map.of("from",
                today.minusMonths(6).toString(), "to", today.minusDays(1).toString(), "areaCodes", List.of(world[0])), "size", 1,
                "panelMembers", List.of("contract-panel"), "accessFrom", today.toString(), "accessUntil", today.toString()))
                .post(SystemStack.api() + "/assurance-samples").then().statusCode(201).extract().path("id");
        String caseRef = SystemStack.admin().get(SystemStack.api() + "/assurance-samples/" + sample).path("cases[0].caseRef");
        SystemStack.as("contract-panel", List.of("panel")).get(SystemStack.api() + "/assurance-samples/" + sample + "/cases/" + caseRef)
                .then().statusCode(200);
    }

    /** The newest 50 events of each type in a service's outbox, as {type, destination, payload}. */
    private static List<JsonNode> recentEvents(String database) {
        List<JsonNode> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(SystemStack.get().jdbcUrl(database), "postgres", "");
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select type, destination, payload from (select type, destination, payload,"
                        + " row_number() over (partition by type order by seq desc) n from outbox_event) t where n <= 50")) {
            while (row.next()) {
                rows.add(JSON.createObjectNode().put("type", row.getString(1)).put("destination", row.getString(2))
                        .put("payload", row.getString(3)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    private static String clip(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
