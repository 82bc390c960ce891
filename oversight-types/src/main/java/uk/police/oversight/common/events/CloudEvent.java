package uk.police.oversight.common.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * The envelope of every event the services exchange: a CloudEvents 1.0 structured-mode JSON document. {@code data}
 * is the event's payload, documented per {@code type} in docs/events.md. {@code traceparent} is the CloudEvents
 * distributed-tracing extension: the W3C trace context of the change that wrote the event, so that a consumer's work
 * joins the trace of the request (or scan) it follows from; absent when the writer was not traced.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
// An extension attribute this version does not know is ignored, as the CloudEvents spec asks of consumers.
@JsonIgnoreProperties(ignoreUnknown = true)
public record CloudEvent(
        String specversion,
        UUID id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        JsonNode data,
        String traceparent) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json";

    public static CloudEvent of(UUID id, String source, String type, String subject, Instant time, JsonNode data) {
        return of(id, source, type, subject, time, data, null);
    }

    public static CloudEvent of(UUID id, String source, String type, String subject, Instant time, JsonNode data,
            String traceparent) {
        return new CloudEvent(SPEC_VERSION, id, source, type, subject, time, "application/json", data, traceparent);
    }
}
