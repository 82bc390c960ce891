package uk.police.oversight.system;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading an offender, an overdue list and a CSV export through the gateway each leave an audit entry naming the caller. */
class GatewayAuditIT {

    @Test
    void consultationsThroughTheGatewayAreAuditedWithCallerAndJustification() {
        String[] world = World.areaWithManager("GWA");
        String area = world[0];
        List<Map<String, Object>> items = World.offenders(area, world[1], 1);
        items.get(0).put("registeredOn", "2015-01-01");
        String id = SystemStack.integration().body(Map.of("items", items)).post(SystemStack.api() + "/offenders/batch")
                .then().statusCode(200).extract().path("results[0].id");
        String supervisor = "ds.gateway-audit-" + area.toLowerCase();
        assertTrue(SystemStack.eventually(Duration.ofSeconds(30), () -> SystemStack.queryLong("visits",
                "select count(*) from offender_projection where offender_id = ?::uuid", id) == 1), "projected");

        SystemStack.as(supervisor, List.of("supervisor"), area).header("X-Justification", "Reviewing a complaint")
                .header("X-Request-Id", "gw-read-" + area).get(SystemStack.api() + "/offenders/" + id).then().statusCode(200)
                .header("X-Request-Id", "gw-read-" + area).header("Cache-Control", "no-store");
        SystemStack.as(supervisor, List.of("supervisor"), area).header("X-Justification", "Monthly review")
                .header("X-Request-Id", "gw-list-" + area).get(SystemStack.api() + "/overdue-visits?asOf=2022-06-30").then().statusCode(200);
        SystemStack.as(supervisor, List.of("supervisor"), area).header("X-Justification", "Inspection pack").header("Accept", "text/csv")
                .header("X-Request-Id", "gw-csv-" + area).get(SystemStack.api() + "/overdue-visits?asOf=2022-06-30").then().statusCode(200);

        for (String requestId : List.of("gw-read-" + area, "gw-list-" + area, "gw-csv-" + area)) {
            assertTrue(SystemStack.eventually(Duration.ofSeconds(30), () -> SystemStack.admin().queryParam("actor", supervisor)
                    .queryParam("size", 100).get(SystemStack.api() + "/audit-events").then().extract().jsonPath()
                    .getList("items.requestId").contains(requestId)), "audited: " + requestId);
        }
        SystemStack.admin().queryParam("actor", supervisor).queryParam("offenderId", id).get(SystemStack.api() + "/audit-events")
                .then().body("items.find { it.requestId == 'gw-read-" + area + "' }.justification", equalTo("Reviewing a complaint"))
                .body("items.find { it.requestId == 'gw-read-" + area + "' }.service", equalTo("offender-service"))
                .body("items.find { it.requestId == 'gw-csv-" + area + "' }.justification", equalTo("Inspection pack"))
                .body("items.find { it.requestId == 'gw-csv-" + area + "' }.service", equalTo("visit-scheduler"));
    }
}
