package uk.police.oversight.system;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The broker goes away while offenders are registered and visits recorded: nothing is lost, the events arrive once it
 * is back, and an integrator never notices (visits for offenders visit-scheduler has not heard of are confirmed with
 * offender-service).
 */
class BrokerOutageIT {

    @Test
    void nothingIsLostWhileTheBrokerIsDown() throws Exception {
        String[] world = World.areaWithManager("OUT");
        String area = world[0];
        SystemStack.get().stopBroker();
        List<String> ids;
        try {
            ids = SystemStack.integration().body(Map.of("items", World.offenders(area, world[1], 200)))
                    .post(SystemStack.offenderApi() + "/offenders/batch").then().statusCode(200)
                    .body("created", equalTo(200)).extract().path("results.id");
            // Visits right away: visit-scheduler cannot have heard of these offenders, so it confirms them.
            for (String id : ids.subList(0, 5)) {
                SystemStack.integration().body(Map.of("offenderId", id, "visitDate", "2022-01-10", "type", "HOME_VISIT",
                        "outcome", "COMPLETED", "announced", false)).post(SystemStack.visitsApi() + "/visits").then().statusCode(201);
            }
            Thread.sleep(3_000);
            assertEquals(5L, EventFlowIT.projected(area), "only the five confirmed offenders are known during the outage");
        } finally {
            SystemStack.get().startBroker();
        }

        assertTrue(SystemStack.eventually(Duration.ofSeconds(90), () -> EventFlowIT.projected(area) == 200),
                "all 200 reach visit-scheduler after the outage: " + EventFlowIT.projected(area));
        assertTrue(SystemStack.eventually(Duration.ofSeconds(90), () -> SystemStack.queryLong("offender",
                "select count(*) from outbox_event where published_at is null") == 0), "the outbox is drained");
        assertTrue(SystemStack.eventually(Duration.ofSeconds(60), () -> SystemStack.admin().queryParam("offenderId", ids.get(0))
                        .queryParam("action", "COLLECT").get(SystemStack.offenderApi() + "/audit-events").then().extract()
                        .<Integer>path("totalItems") == 2),
                "the visit's audit entry, written while the broker was down, reached the audit store");
    }
}
