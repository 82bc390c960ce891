package uk.police.oversight.system;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The broker goes away for 30 s while 1,000 offenders are registered and visits recorded, through the gateway: nothing
 * is lost, the events arrive once it is back, and an integrator never notices (visits for offenders visit-scheduler has
 * not heard of are confirmed with offender-service).
 */
class BrokerOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(30);

    @Test
    void nothingIsLostWhileTheBrokerIsDown() throws Exception {
        String[] world = World.areaWithManager("OUT");
        String area = world[0];
        SystemStack.get().stopBroker();
        long stopped = System.nanoTime();
        List<String> ids = new ArrayList<>();
        try {
            // 1,000 registrations spread over the outage: ten batches of 100, one every 3 s.
            for (int batch = 0; batch < 10; batch++) {
                ids.addAll(SystemStack.integration().body(Map.of("items", World.offenders(area, world[1], 100)))
                        .post(SystemStack.api() + "/offenders/batch").then().statusCode(200)
                        .body("created", equalTo(100)).extract().<List<String>>path("results.id"));
                if (batch == 0) {
                    // Visits right away: visit-scheduler cannot have heard of these offenders, so it confirms them.
                    for (String id : ids.subList(0, 5)) {
                        SystemStack.integration().body(Map.of("offenderId", id, "visitDate", "2022-01-10", "type", "HOME_VISIT",
                                "outcome", "COMPLETED", "announced", false)).post(SystemStack.api() + "/visits").then().statusCode(201);
                    }
                }
                long due = stopped + OUTAGE.toNanos() * (batch + 1) / 10;
                Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
            }
            assertEquals(5L, EventFlowIT.projected(area), "only the five confirmed offenders are known during the outage");
        } finally {
            SystemStack.get().startBroker();
        }
        assertTrue(System.nanoTime() - stopped >= OUTAGE.toNanos(), "the broker was down for 30 s");

        assertTrue(SystemStack.eventually(Duration.ofSeconds(120), () -> EventFlowIT.projected(area) == 1_000),
                "all 1,000 reach visit-scheduler after the outage: " + EventFlowIT.projected(area));
        assertTrue(SystemStack.eventually(Duration.ofSeconds(90), () -> SystemStack.queryLong("offender",
                "select count(*) from outbox_event where published_at is null") == 0), "the outbox is drained");
        assertTrue(SystemStack.eventually(Duration.ofSeconds(60), () -> SystemStack.admin().queryParam("offenderId", ids.get(0))
                        .queryParam("action", "COLLECT").get(SystemStack.api() + "/audit-events").then().extract()
                        .<Integer>path("totalItems") == 2),
                "the visit's audit entry, written while the broker was down, reached the audit store");
    }
}
