package uk.police.oversight.common.problem;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/** The trace id a problem answer names beside its request id, so an operator can find the request's trace and logs. */
public final class TraceIds {

    private TraceIds() {
    }

    /** The W3C trace id of the current span, or null when nothing is being traced. */
    public static String current() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid() ? span.getTraceId() : null;
    }
}
