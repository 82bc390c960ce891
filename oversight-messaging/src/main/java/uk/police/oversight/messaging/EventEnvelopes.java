package uk.police.oversight.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import uk.police.oversight.common.events.CloudEvent;

/**
 * Reads a CloudEvent from whatever body an AMQP message arrived with: the AMQP connector hands over a string, a JSON
 * object (for JSON content types) or bytes, depending on how the sender encoded it.
 */
@ApplicationScoped
public class EventEnvelopes {

    @Inject
    ObjectMapper objectMapper;

    public CloudEvent read(Object payload) {
        try {
            if (payload instanceof JsonObject json) {
                return objectMapper.readValue(json.encode(), CloudEvent.class);
            }
            if (payload instanceof JsonArray) {
                throw new IllegalArgumentException("An event must be a JSON object, not an array");
            }
            if (payload instanceof Buffer buffer) {
                return objectMapper.readValue(buffer.getBytes(), CloudEvent.class);
            }
            if (payload instanceof byte[] bytes) {
                return objectMapper.readValue(bytes, CloudEvent.class);
            }
            return objectMapper.readValue(String.valueOf(payload).getBytes(StandardCharsets.UTF_8), CloudEvent.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("Not a CloudEvents JSON document", e);
        }
    }

    /** The event's data as a record of the given type. */
    public <T> T data(CloudEvent event, Class<T> type) {
        try {
            return objectMapper.treeToValue(event.data(), type);
        } catch (IOException e) {
            throw new IllegalArgumentException("The data of event " + event.id() + " is not a " + type.getSimpleName(), e);
        }
    }
}
