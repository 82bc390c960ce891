package uk.police.oversight.common.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/**
 * The current trace, as the system hands it on: its id in problem answers, the delivery log and log lines, and its W3C
 * {@code traceparent} in event envelopes, the outbox, queued notifications and the gateway's upstream requests.
 */
public final class TraceContext {

    private TraceContext() {
    }

    /** The W3C trace id of the current span, or null when nothing is being traced. */
    public static String traceId() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid() ? span.getTraceId() : null;
    }

    /** The current span's context as a W3C traceparent, or null when nothing is being traced. */
    public static String traceparent() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid() ? "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex() : null;
    }
}
