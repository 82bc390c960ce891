package uk.police.oversight.testing;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * The spans a service under test ended, the latest 20,000 of them (a long test class would otherwise keep every span of
 * the run). A test makes it a bean ({@code @Produces @Singleton RecentSpans}); Quarkus' default exporter takes every
 * SpanExporter bean.
 */
public final class RecentSpans implements SpanExporter {

    private static final int KEPT = 20_000;
    private final Deque<SpanData> spans = new ArrayDeque<>();

    @Override
    public synchronized CompletableResultCode export(Collection<SpanData> batch) {
        for (SpanData span : batch) {
            if (spans.size() == KEPT) {
                spans.removeFirst();
            }
            spans.addLast(span);
        }
        return CompletableResultCode.ofSuccess();
    }

    /** Every kept span. */
    public synchronized List<SpanData> all() {
        return List.copyOf(spans);
    }

    /** The kept spans of one trace. */
    public synchronized List<SpanData> of(String traceId) {
        return spans.stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }

    /** Waits (up to 15 s) for a span of the trace that matches, and answers it. */
    public SpanData await(String traceId, Predicate<SpanData> wanted) {
        return Awaitility.await().atMost(Duration.ofSeconds(15)).alias("a span of trace " + traceId)
                .until(() -> of(traceId).stream().filter(wanted).findFirst(), Optional::isPresent).get();
    }

    /**
     * Fails when the trace has no kept span, or when a span's name, an attribute or an event's attribute holds any of
     * the words (a name, a PNC id, an address).
     */
    public void assertNoAttributeHolds(String traceId, List<String> words) {
        List<SpanData> trace = of(traceId);
        if (trace.isEmpty()) {
            throw new AssertionError("no span of trace " + traceId + " was kept");
        }
        for (SpanData span : trace) {
            words.stream().filter(span.getName()::contains).findFirst().ifPresent(word -> {
                throw new AssertionError("span " + span.getName() + " is named with " + word);
            });
            check(span, span.getAttributes(), words);
            span.getEvents().forEach(event -> check(span, event.getAttributes(), words));
        }
    }

    private static void check(SpanData span, io.opentelemetry.api.common.Attributes attributes, List<String> words) {
        attributes.forEach((key, value) -> words.forEach(word -> {
            if (String.valueOf(value).contains(word)) {
                throw new AssertionError(span.getName() + " attribute " + key + " holds " + word + ": " + value);
            }
        }));
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
