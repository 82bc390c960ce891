package uk.police.oversight.notifications.tracing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import uk.police.oversight.notifications.NotificationApiTest;
import uk.police.oversight.testing.RecentSpans;

/**
 * An overdue announcement's trace reaches the email: the consumer's span continues the trace the envelope carries,
 * the delivery (later, on the dispatcher's thread) joins it from the notification row, and the SMTP send is its child.
 * No span attribute names the recipient, the offender's PNC id or the subject line.
 */
@QuarkusTest
class TracingTest extends NotificationApiTest {

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
    void anAnnouncementsTraceRunsOnToTheSmtpSend() {
        String area = newArea("TRC");
        UUID manager = staff(area, "OFFENDER_MANAGER", "DC Tracer");
        Map<String, Object> data = compliance(area, manager, "HIGH", "2022-06-01", 29);
        String traceId = hex(16);
        String parentSpan = hex(8);
        String event = event("uk.police.oversight.visit.overdue", "/visit-scheduler", UUID.fromString((String) data.get("offenderId")), data)
                .replaceFirst("\\}$", ",\"traceparent\":\"00-" + traceId + "-" + parentSpan + "-01\"}");
        send("oversight.compliance-events", event);
        await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(email(manager)).size() == 1);

        SpanData process = spanOf(traceId, s -> s.getKind() == SpanKind.CONSUMER);
        assertEquals(parentSpan, process.getParentSpanId(), "the consumer continues visit-scheduler's span");
        SpanData deliver = spanOf(traceId, s -> s.getName().equals("deliver email"));
        SpanData smtp = spanOf(traceId, s -> s.getKind() == SpanKind.CLIENT && s.getName().equals("smtp send"));
        assertEquals(deliver.getSpanId(), smtp.getParentSpanId(), "the SMTP send is the delivery's");
        // The delivery log names the trace, for "why did this email go out late?".
        as(ADMIN).queryParam("recipientId", manager.toString()).get(BASE + "/notifications").then().statusCode(200)
                .body("items[0].traceId", org.hamcrest.Matchers.equalTo(traceId));

        spans.assertNoAttributeHolds(traceId, List.of(email(manager), (String) data.get("pncId"), "DC Tracer", "Overdue"));
    }

    private SpanData spanOf(String traceId, Predicate<SpanData> wanted) {
        return spans.await(traceId, wanted);
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
