package uk.police.oversight.system;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** offender-service's events reach visit-scheduler's projection end to end, through the real broker. */
class EventFlowIT {

    @Test
    void registrationsAndChangesReachTheProjection() {
        String[] world = World.areaWithManager("EVF");
        String area = world[0];
        List<Map<String, Object>> items = World.offenders(area, world[1], 20);
        List<String> ids = SystemStack.integration().body(Map.of("items", items)).post(SystemStack.offenderApi() + "/offenders/batch")
                .then().statusCode(200).body("created", equalTo(20)).extract().path("results.id");

        assertTrue(SystemStack.eventually(Duration.ofSeconds(30), () -> projected(area) == 20), "all 20 projected");

        String id = ids.get(0);
        SystemStack.admin().contentType("application/merge-patch+json").body("{\"visitIntervalMonths\": 2}")
                .patch(SystemStack.offenderApi() + "/offenders/" + id).then().statusCode(200);
        assertTrue(SystemStack.eventually(Duration.ofSeconds(30), () -> Long.valueOf(1).equals(SystemStack.queryLong("visits",
                "select version from offender_projection where offender_id = ?", UUID.fromString(id)))), "the change arrived");
        assertEquals(2L, SystemStack.queryLong("visits",
                "select visit_interval_months::bigint from offender_projection where offender_id = ?", UUID.fromString(id)));
    }

    @Test
    void everyServicesAuditEntriesReachTheOneAuditStore() {
        String[] world = World.areaWithManager("AUD");
        String id = SystemStack.integration().body(Map.of("items", World.offenders(world[0], world[1], 1)))
                .post(SystemStack.offenderApi() + "/offenders/batch").then().extract().path("results[0].id");
        SystemStack.as("ds.system", List.of("supervisor"), world[0]).header("X-Justification", "Caseload review")
                .get(SystemStack.visitsApi() + "/schedules/" + id).then().statusCode(200);

        // (If the registration had not reached visit-scheduler yet, it confirmed the offender with offender-service,
        // which audits that read too: look for visit-scheduler's own entry among the caller's.)
        assertTrue(SystemStack.eventually(Duration.ofSeconds(30), () -> SystemStack.admin().queryParam("offenderId", id)
                .queryParam("actor", "ds.system").get(SystemStack.api() + "/audit-events").then().extract()
                .jsonPath().getList("items.service").contains("visit-scheduler")), () -> "the consultation was audited in audit-service; "
                + "visit-scheduler's outbox: " + SystemStack.queryLong("visits", "select count(*) from outbox_event where published_at is null")
                + " unsent; broker: " + SystemStack.get().describeQueue("oversight.audit.visit-scheduler") + "; " + SystemStack.get().describeQueue("DLQ"));
        SystemStack.admin().queryParam("offenderId", id).queryParam("actor", "ds.system")
                .get(SystemStack.api() + "/audit-events").then()
                .body("items.find { it.service == 'visit-scheduler' }.justification", equalTo("Caseload review"));
        // offender-service's own entries travel the same way now: the registration, from its outbox to audit-service.
        assertTrue(SystemStack.eventually(Duration.ofSeconds(30), () -> SystemStack.admin().queryParam("offenderId", id)
                .queryParam("action", "COLLECT").get(SystemStack.api() + "/audit-events").then().extract()
                .jsonPath().getList("items.service").contains("offender-service")), () -> "the registration was audited; broker: "
                + SystemStack.get().describeQueue("oversight.audit.offender-service"));
    }

    static long projected(String area) {
        return SystemStack.queryLong("visits", "select count(*) from offender_projection where area_code = ?", area);
    }
}
