package uk.police.oversight.messaging;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import uk.police.oversight.common.events.CloudEvent;

/**
 * Carries the trace across the broker the CloudEvents way: the outbox stores the writer's W3C {@code traceparent} with
 * each event (and in its envelope), the relay's {@code publish} span and each consumer's {@code process} span take it as
 * their parent. Span attributes name the address, the event type and the event id, never the subject (a record id) or
 * anything from the data: names, PNC ids and addresses never reach a trace.
 */
@ApplicationScoped
public class EventTracing {

    static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");
    static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("cloudevents.event_type");
    static final AttributeKey<Long> BATCH_SIZE = AttributeKey.longKey("messaging.batch.message_count");

    private static final TextMapGetter<String> TRACEPARENT = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of("traceparent");
        }

        @Override
        public String get(String carrier, String key) {
            return "traceparent".equals(key) ? carrier : null;
        }
    };

    @Inject
    Tracer tracer;

    /** The context a traceparent names (a root context when it is absent or malformed). */
    static Context parent(String traceparent) {
        if (traceparent == null || traceparent.isBlank()) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, TRACEPARENT);
    }

    /** The relay's span for sending one batch of events to an address, a child of the first event's writer. */
    Span publishing(String destination, String traceparent, int events) {
        return tracer.spanBuilder("publish " + destination)
                .setSpanKind(SpanKind.PRODUCER)
                .setParent(parent(traceparent))
                .setAttribute(SYSTEM, "activemq")
                .setAttribute(OPERATION, "send")
                .setAttribute(DESTINATION, destination)
                .setAttribute(BATCH_SIZE, (long) events)
                .startSpan();
    }

    /** A consumer's span for handling one event, a child of the span that wrote it. */
    Span processing(String channel, CloudEvent event) {
        SpanBuilder builder = tracer.spanBuilder("process " + channel)
                .setSpanKind(SpanKind.CONSUMER)
                .setParent(parent(event.traceparent()))
                .setAttribute(SYSTEM, "activemq")
                .setAttribute(OPERATION, "process")
                .setAttribute(DESTINATION, channel)
                .setAttribute(EVENT_TYPE, event.type());
        if (event.id() != null) {
            builder.setAttribute(MESSAGE_ID, event.id().toString());
        }
        return builder.startSpan();
    }

    /**
     * A span for work done later, on another thread, for something that carried a trace context (a queued
     * notification's delivery): a child of that context, a new trace without one.
     */
    public Span resumed(String name, String traceparent) {
        return tracer.spanBuilder(name).setSpanKind(SpanKind.INTERNAL).setParent(parent(traceparent)).startSpan();
    }

    /** A span for a call to another system (an SMTP relay, a webhook target) from the current span. */
    public Span calling(String name, String host, int port) {
        return tracer.spanBuilder(name).setSpanKind(SpanKind.CLIENT)
                .setAttribute(AttributeKey.stringKey("server.address"), host)
                .setAttribute(AttributeKey.longKey("server.port"), (long) port)
                .startSpan();
    }

    /** Marks a span failed with the kind of failure only (a message may quote the data it failed on). */
    public static void failed(Span span, Throwable failure) {
        span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
    }
}
