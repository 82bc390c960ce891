package uk.police.oversight.visits.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import uk.police.oversight.testing.AmqpTestClient;
import uk.police.oversight.testing.RecentSpans;
import uk.police.oversight.visits.VisitApiTest;

/**
 * One trace follows the work: an offender event's consumer continues the trace its envelope names, a visit POST's
 * spans (the request, its database statements, the relay's publish) share the caller's trace, and so do the scan's
 * announcements, whose envelopes carry that trace on to notification-service. No span attribute holds a name, a PNC id
 * or a visit's notes.
 */
@QuarkusTest
class TracingTest extends VisitApiTest {

    private static final String SUBSCRIPTION = "oversight.compliance-events::oversight.compliance-events.notification-service";

    /** Keeps the spans the service ends (Quarkus' exporter takes every SpanExporter bean). */
    @Singleton
    static class Spans {
        @Produces
        @Singleton
        RecentSpans recent() {
            return new RecentSpans();
        }
    }

    @Inject
    RecentSpans spans;

    @Test
    void aVisitAndTheScanItLeadsToAreTracedAcrossTheRequestTheDatabaseAndTheBroker() {
        String area = newArea("TRC");
        Map<String, Object> facts = offender(area);
        facts.put("riskLevel", "VERY_HIGH");
        facts.put("registeredOn", "2015-01-01");
        facts.put("statusSince", "2015-01-01");
        String offenderId = (String) facts.get("offenderId");

        // The offender arrives as offender-service sends it, with the trace of the request that registered them.
        Trace registration = new Trace();
        try (AmqpTestClient amqp = new AmqpTestClient(brokerPort())) {
            amqp.send("oversight.offender-events", event(UUID.randomUUID(), "uk.police.oversight.offender.registered", facts)
                    .replaceFirst("\\}$", ",\"traceparent\":\"" + registration.traceparent() + "\"}"));
        }
        awaitProjected(UUID.fromString(offenderId), 0);
        SpanData process = spanOf(registration, s -> s.getKind() == SpanKind.CONSUMER && s.getName().equals("process offender-events"));
        assertEquals(registration.spanId, process.getParentSpanId(), "the consumer's span continues the writer's");
        spanOf(registration, s -> s.getParentSpanId().equals(process.getSpanId()) && s.getAttributes().asMap().keySet()
                .stream().anyMatch(k -> k.getKey().startsWith("db.")));

        // A visit recorded by a caller whose request is traced (as the gateway's is).
        Trace visitTrace = new Trace();
        as(INTEGRATION).header("traceparent", visitTrace.traceparent())
                .body(Map.of("offenderId", offenderId, "visitDate", "2016-04-30", "type", "HOME_VISIT", "outcome", "COMPLETED",
                        "announced", false, "notes", "Spoke to him at 14 Acacia Avenue"))
                .post(BASE + "/visits").then().statusCode(201);
        SpanData request = spanOf(visitTrace, s -> s.getKind() == SpanKind.SERVER);
        assertEquals(visitTrace.spanId, request.getParentSpanId());
        spanOf(visitTrace, s -> s.getAttributes().asMap().keySet().stream().anyMatch(k -> k.getKey().startsWith("db.")));
        spanOf(visitTrace, s -> s.getKind() == SpanKind.PRODUCER && s.getName().equals("publish oversight.compliance-events"));

        // The scan, run by an admin's traced request, announces the overdue offender: its events carry the scan's trace.
        Trace scanTrace = new Trace();
        as(ADMIN).header("traceparent", scanTrace.traceparent()).queryParam("asOf", "2016-05-31")
                .post(BASE + "/compliance-scans").then().statusCode(200);
        spanOf(scanTrace, s -> s.getKind() == SpanKind.PRODUCER && s.getName().equals("publish oversight.compliance-events"));
        try (AmqpTestClient amqp = new AmqpTestClient(brokerPort())) {
            List<String> events = amqp.receiveUntil(SUBSCRIPTION, received -> received.stream()
                    .filter(e -> e.contains(offenderId) && e.contains("visit.overdue")).count() >= 1, Duration.ofSeconds(15))
                    .stream().filter(e -> e.contains(offenderId)).toList();
            assertTrue(events.stream().filter(e -> e.contains("visit.recorded"))
                    .allMatch(e -> e.contains("\"traceparent\":\"00-" + visitTrace.traceId + "-")), events.toString());
            assertTrue(events.stream().filter(e -> e.contains("visit.overdue"))
                    .allMatch(e -> e.contains("\"traceparent\":\"00-" + scanTrace.traceId + "-")), events.toString());
            assertFalse(events.stream().noneMatch(e -> e.contains("visit.overdue")), events.toString());
        }

        // A request naming an offender by PNC id in its query (its span's url.query would carry it unredacted).
        Trace lookUp = new Trace();
        as(INTEGRATION).header("traceparent", lookUp.traceparent()).queryParam("pncId", facts.get("pncId"))
                .get(BASE + "/visits").then().statusCode(org.hamcrest.Matchers.lessThan(500));
        spanOf(lookUp, s -> s.getKind() == SpanKind.SERVER);

        // Nothing personal in any attribute of these traces.
        List<String> personal = List.of((String) facts.get("displayName"), (String) facts.get("pncId"),
                ((String) facts.get("pncId")).replace("/", ""), "Acacia");
        for (Trace trace : List.of(registration, visitTrace, scanTrace, lookUp)) {
            spans.assertNoAttributeHolds(trace.traceId, personal);
        }
    }

    /**
     * The relay leases every second, outside any trace: none of those statements is recorded as a trace of its own
     * (OversightSampler), while the statements of a request are (above).
     */
    @Test
    void databaseStatementsOutsideAnyTraceAreNotRecorded() throws InterruptedException {
        Thread.sleep(2500); // the relay's poll runs every second
        List<SpanData> strays = spans.all().stream().filter(s -> !s.getParentSpanContext().isValid())
                .filter(s -> s.getAttributes().asMap().keySet().stream().anyMatch(k -> k.getKey().startsWith("db."))).toList();
        assertEquals(List.of(), strays.stream().map(SpanData::getName).distinct().toList());
    }

    private SpanData spanOf(Trace trace, Predicate<SpanData> wanted) {
        return spans.await(trace.traceId, wanted);
    }

    /** A trace the test starts, as a caller (the gateway, offender-service) would. */
    private static final class Trace {
        final String traceId = hex(16);
        final String spanId = hex(8);

        String traceparent() {
            return "00-" + traceId + "-" + spanId + "-01";
        }

        private static String hex(int bytes) {
            byte[] random = new byte[bytes];
            ThreadLocalRandom.current().nextBytes(random);
            return HexFormat.of().formatHex(random);
        }
    }
}
