package uk.police.oversight.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.police.oversight.local.LocalStack;

/**
 * Faults a force's deployment will meet, injected into the running system: the database restarted under load, a
 * service killed in the middle of a batch, notification-service away for a while. (The broker outage is
 * {@link BrokerOutageIT}.) Each test leaves the stack whole again for the tests after it.
 */
class FaultsIT {

    /** The advisory locks a batch holds for its whole transaction: seen in pg_locks, the batch is mid-flight. */
    private static final long OFFENDER_BATCH_LOCK = 0x0FFE_0DE2L;
    private static final long VISIT_BATCH_LOCK = 0x0FFE_0DE3L;

    private final ExecutorService background = Executors.newCachedThreadPool();
    /** The background load runs while this holds; cleared after each test whatever happened, so no load outlives it. */
    private final AtomicBoolean running = new AtomicBoolean(true);

    @AfterEach
    void everyServiceIsBack() throws InterruptedException {
        running.set(false);
        background.shutdownNow();
        background.awaitTermination(90, TimeUnit.SECONDS);
        LocalStack stack = SystemStack.get();
        for (String service : stack.serviceNames()) {
            if (!stack.ready(service)) {
                try {
                    stack.start(service);
                } catch (IllegalStateException running) {
                    SystemStack.eventually(Duration.ofSeconds(60), () -> stack.ready(service));
                }
            }
        }
    }

    @Test
    void everyServiceRecoversFromADatabaseRestartUnderLoadAndNoAcceptedWriteIsLost() throws Exception {
        LocalStack stack = SystemStack.get();
        String[] world = World.areaWithManager("DBR");
        String area = world[0];
        String offender = registered(area, world[1]);
        Map<String, Long> pids = stack.servicePids();

        Queue<String> acceptedOffenders = new ConcurrentLinkedQueue<>();
        Queue<String> acceptedVisits = new ConcurrentLinkedQueue<>();
        Queue<String> badAnswers = new ConcurrentLinkedQueue<>();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicInteger day = new AtomicInteger();
        List<Future<?>> load = new ArrayList<>();
        // Integrators register offenders, managers record visits, supervisors read the overdue list: all through the gateway.
        load.add(background.submit(loop(running, () -> SystemStack.integration().body(World.offenders(area, world[1], 1).get(0))
                .post(SystemStack.api() + "/offenders"), acceptedOffenders, statuses, badAnswers)));
        load.add(background.submit(loop(running, () -> SystemStack.as("dc.restart", List.of("offender-manager"), area)
                .body(Map.of("offenderId", offender, "visitDate", LocalDate.of(2020, 1, 2).plusDays(day.incrementAndGet()).toString(),
                        "type", "HOME_VISIT", "outcome", "COMPLETED", "announced", false))
                .post(SystemStack.api() + "/visits"), acceptedVisits, statuses, badAnswers)));
        load.add(background.submit(loop(running, () -> SystemStack.as("ds.restart", List.of("supervisor"), area)
                .get(SystemStack.api() + "/overdue-visits?asOf=2022-06-30"), new ConcurrentLinkedQueue<>(), statuses, badAnswers)));

        // A burst of consultations first: their audit entries arrive together, so audit-service's pool holds many
        // connections when the database goes away.
        List<Future<Integer>> burst = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            burst.add(background.submit(() -> SystemStack.as("ds.burst", List.of("supervisor"), area)
                    .get(SystemStack.api() + "/schedules/" + offender).statusCode()));
        }
        for (Future<Integer> answer : burst) {
            assertEquals(200, answer.get(60, TimeUnit.SECONDS));
        }
        Thread.sleep(3_000);
        int acceptedBefore = acceptedOffenders.size() + acceptedVisits.size();
        stack.restartDatabase(Duration.ofSeconds(5));
        long back = System.nanoTime();
        for (String service : stack.serviceNames()) {
            assertTrue(SystemStack.eventually(Duration.ofSeconds(60), () -> stack.ready(service)), service + " is ready again by itself");
        }
        double recovered = (System.nanoTime() - back) / 1e9;
        // Writes succeed again: the load keeps being accepted after the restart.
        int acceptedAtRecovery = acceptedOffenders.size() + acceptedVisits.size();
        assertTrue(SystemStack.eventually(Duration.ofSeconds(60),
                () -> acceptedOffenders.size() + acceptedVisits.size() > acceptedAtRecovery + 20), "writes are accepted again");
        running.set(false);
        for (Future<?> f : load) {
            f.get(60, TimeUnit.SECONDS);
        }

        assertEquals(pids, stack.servicePids(), "no service was restarted");
        assertTrue(acceptedBefore > 0, "the load ran before the restart");
        assertTrue(badAnswers.isEmpty(), "answers during the restart are 2xx or a problem+json 503 with Retry-After: " + badAnswers);
        for (String id : acceptedOffenders) {
            assertEquals(1L, SystemStack.queryLong("offender", "select count(*) from offender where id = ?::uuid", id), "offender " + id + " kept");
        }
        for (String id : acceptedVisits) {
            assertEquals(1L, SystemStack.queryLong("visits", "select count(*) from visit where id = ?::uuid", id), "visit " + id + " kept");
        }
        // The audit trail flows again: a consultation in visit-scheduler reaches audit-service's store promptly
        // (a pool full of connections killed by the restart once made every delivery fail and be redelivered ever later).
        String consultation = "restart-audit-" + area;
        SystemStack.as("ds.restart", List.of("supervisor"), area).header("X-Request-Id", consultation)
                .get(SystemStack.api() + "/schedules/" + offender).then().statusCode(200);
        assertTrue(SystemStack.eventually(Duration.ofSeconds(20), () -> SystemStack.admin().queryParam("actor", "ds.restart")
                .queryParam("offenderId", offender).queryParam("size", 100).get(SystemStack.api() + "/audit-events").then().extract()
                .jsonPath().getList("items.requestId").contains(consultation)), () -> "the consultation after the restart was audited; broker: "
                + stack.describeQueue("oversight.audit.visit-scheduler") + "; " + stack.describeQueue("DLQ"));
        // Every registration that was saved reaches visit-scheduler: its event was in the outbox, in the same transaction.
        // (Saved may be more than accepted: a commit cut off by the restart can have happened, its 503 saying so.)
        long saved = SystemStack.queryLong("offender", "select count(*) from offender where area_code = ?", area);
        assertTrue(saved >= acceptedOffenders.size() + 1, "every accepted registration was saved");
        assertTrue(SystemStack.eventually(Duration.ofSeconds(90), () -> EventFlowIT.projected(area) == saved),
                "all " + saved + " saved registrations reach visit-scheduler: " + EventFlowIT.projected(area));
        System.out.printf("Database restart under load: %d offenders and %d visits accepted; answers %s; all services ready %.1f s after"
                + " PostgreSQL was back%n", acceptedOffenders.size(), acceptedVisits.size(), statuses, recovered);
    }

    @Test
    void aServiceKilledMidBatchAndTheBatchResentLeavesNoDuplicates() throws Exception {
        LocalStack stack = SystemStack.get();
        String[] world = World.areaWithManager("KIL");
        String area = world[0];
        List<Map<String, Object>> offenders = World.offenders(area, world[1], 1_000);

        int answered = killMidBatch("offender-service", "offender", OFFENDER_BATCH_LOCK, "/offenders/batch", offenders);
        long kept = inArea("offender", "select count(*) from offender where area_code = ?", area);
        assertTrue(kept == 0 || kept == 1_000, "a killed batch is applied whole or not at all: " + kept);
        assertTrue(answered != 200 || kept == 1_000, "a batch answered 200 was applied");
        stack.start("offender-service");

        Response resent = SystemStack.integration().body(Map.of("items", offenders)).post(SystemStack.api() + "/offenders/batch");
        resent.then().statusCode(200);
        assertEquals(kept == 0 ? 1_000 : 0, (int) resent.path("created"));
        Response again = SystemStack.integration().body(Map.of("items", offenders)).post(SystemStack.api() + "/offenders/batch");
        assertEquals(1_000, (int) again.path("unchanged"), "the same batch a third time changes nothing");
        assertEquals(1_000L, inArea("offender", "select count(distinct pnc_id) from offender where area_code = ?", area));
        assertEquals(1_000L, inArea("offender", "select count(*) from offender where area_code = ?", area));
        assertTrue(SystemStack.eventually(Duration.ofSeconds(90), () -> EventFlowIT.projected(area) == 1_000),
                "each offender reaches visit-scheduler once: " + EventFlowIT.projected(area));

        // The same for visits: visit-scheduler killed mid-batch, the batch sent again.
        List<String> ids = resent.then().extract().path("results.id");
        List<Map<String, Object>> visits = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            visits.add(Map.of("offenderId", ids.get(i), "visitDate", "2021-03-0" + (1 + i % 9), "type", "HOME_VISIT",
                    "outcome", "COMPLETED", "announced", false, "externalRef", "KILL-" + area + "-" + i));
        }
        killMidBatch("visit-scheduler", "visits", VISIT_BATCH_LOCK, "/visits/batch", visits);
        stack.start("visit-scheduler");
        SystemStack.integration().body(Map.of("items", visits)).post(SystemStack.api() + "/visits/batch").then().statusCode(200);
        SystemStack.integration().body(Map.of("items", visits)).post(SystemStack.api() + "/visits/batch").then().statusCode(200);
        assertEquals(1_000L, SystemStack.queryLong("visits", "select count(*) from visit where external_ref like ?", "KILL-" + area + "-%"));
    }

    @Test
    void whileNotificationServiceIsDownNothingDueIsLostAndNothingGoesTwice() throws Exception {
        LocalStack stack = SystemStack.get();
        String[] world = World.areaWithManager("NSD");
        String area = world[0];
        String supervisorEmail = World.supervisor(area);
        List<Map<String, Object>> items = World.offenders(area, world[1], 3);
        items.forEach(item -> {
            item.put("riskLevel", "VERY_HIGH");
            item.put("registeredOn", "2013-01-01");
        });
        List<String> ids = SystemStack.integration().body(Map.of("items", items)).post(SystemStack.api() + "/offenders/batch")
                .then().statusCode(200).extract().path("results.id");
        assertTrue(SystemStack.eventually(Duration.ofSeconds(60), () -> EventFlowIT.projected(area) == 3), "projected");

        stack.stop("notification-service");
        // Overdue and escalated (VERY_HIGH, never visited) while nobody is there to tell anyone.
        SystemStack.admin().queryParam("asOf", "2013-03-15").post(SystemStack.api() + "/compliance-scans").then().statusCode(200);
        Thread.sleep(5_000);
        stack.start("notification-service");

        String managerEmail = "officer." + area.toLowerCase() + "@force.example";
        for (Map<String, Object> item : items) {
            String pnc = (String) item.get("pncId");
            assertTrue(SystemStack.eventually(Duration.ofSeconds(90), () -> mails(managerEmail, "OVERDUE visit: " + pnc) == 1
                    && mails(supervisorEmail, "ESCALATION: " + pnc) == 1), "the manager and the supervisor are told about " + pnc);
        }
        // The scan again, and notification-service restarted again: nothing is sent twice.
        SystemStack.admin().queryParam("asOf", "2013-03-15").post(SystemStack.api() + "/compliance-scans").then().statusCode(200);
        stack.restart("notification-service");
        // For five seconds after it is back, still once each.
        Awaitility.await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (Map<String, Object> item : items) {
                String pnc = (String) item.get("pncId");
                assertEquals(1, mails(managerEmail, "OVERDUE visit: " + pnc), "once to the manager: " + pnc);
                assertEquals(1, mails(supervisorEmail, "ESCALATION: " + pnc), "once to the supervisor: " + pnc);
            }
        });
        // (Emails: the webhook subscriptions other tests leave behind point at receivers that are not there.)
        assertEquals(0L, SystemStack.queryLong("notifications", "select count(*) from notification where channel = 'EMAIL'"
                + " and status <> 'SENT' and ?::uuid = any(offender_ids)", ids.get(0)), "every email about them is SENT");
    }

    /**
     * Sends the batch through the gateway and kills the service while it applies it (seen holding the batch's advisory
     * lock, so mid-transaction); the client must learn that the batch did not complete.
     */
    private int killMidBatch(String service, String database, long lock, String path, List<Map<String, Object>> items) throws Exception {
        Future<Response> sent = background.submit(() -> SystemStack.integration().body(Map.of("items", items)).post(SystemStack.api() + path));
        assertTrue(SystemStack.eventually(Duration.ofSeconds(30), () -> batchInFlight(database, lock)), "the batch is being applied");
        SystemStack.get().kill(service);
        Response answer = sent.get(60, TimeUnit.SECONDS);
        // A 200 can only mean the batch committed (and was answered) in the instant before the kill.
        assertTrue(answer.statusCode() == 200 || (answer.statusCode() == 502 || answer.statusCode() == 503)
                        && answer.contentType().startsWith("application/problem+json"),
                "the client learns whether the batch completed: " + answer.statusCode() + " " + answer.asString());
        return answer.statusCode();
    }

    /** Sends requests until told to stop, keeping the ids of what was accepted and any answer that is not clean. */
    private static Runnable loop(AtomicBoolean running, Supplier<Response> call, Queue<String> accepted, Map<Integer, AtomicInteger> statuses,
            Queue<String> badAnswers) {
        return () -> {
            while (running.get() && !Thread.currentThread().isInterrupted()) {
                try {
                    Response response = call.get();
                    int status = response.statusCode();
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                    if (status == 201) {
                        accepted.add(response.path("id"));
                    } else if (status >= 300 && !(status == 503 && response.contentType().startsWith("application/problem+json")
                            && response.header("Retry-After") != null)) {
                        badAnswers.add(status + " " + response.contentType() + " " + response.asString());
                    }
                } catch (RuntimeException e) {
                    badAnswers.add(e.toString());
                }
            }
        };
    }

    private static String registered(String area, String staffNumber) {
        String id = SystemStack.integration().body(Map.of("items", World.offenders(area, staffNumber, 1)))
                .post(SystemStack.api() + "/offenders/batch").then().statusCode(200).extract().path("results[0].id");
        assertTrue(SystemStack.eventually(Duration.ofSeconds(60), () -> EventFlowIT.projected(area) == 1), "projected");
        return id;
    }

    private static boolean batchInFlight(String database, long lock) {
        return SystemStack.queryLong(database, "select count(*) from pg_locks where locktype = 'advisory' and granted and objid::bigint = ?",
                lock) > 0;
    }

    private static long inArea(String database, String sql, String area) {
        return SystemStack.queryLong(database, sql, area);
    }

    private static int mails(String to, String subjectPart) {
        return (int) SystemStack.get().mailSink().mails().stream()
                .filter(m -> m.to().contains(to) && m.subject() != null && m.subject().contains(subjectPart)).count();
    }
}
