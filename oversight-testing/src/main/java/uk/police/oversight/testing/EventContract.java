package uk.police.oversight.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import uk.police.oversight.common.events.CloudEvent;

/**
 * The event contract, docs/events.asyncapi.yaml, as a test applies it: which message types each address carries and
 * the JSON Schema of each message's payload (the CloudEvents envelope with its data). Producers check what they
 * wrote to their outboxes against it (EventContractIT); consumers check the payloads they are fed, made by the
 * producer's own records, before they consume them (the consumers' contract tests).
 */
public final class EventContract {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Set<String>> addressesOf = new HashMap<>();
    private final Map<String, JsonSchema> schemaOf = new HashMap<>();

    private EventContract(JsonNode document) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        document.path("channels").properties().forEach(channel -> channel.getValue().path("messages").properties().forEach(message -> {
            String key = message.getValue().path("$ref").asText().replace("#/components/messages/", "");
            JsonNode definition = document.path("components").path("messages").path(key);
            String type = definition.path("name").asText();
            addressesOf.computeIfAbsent(type, t -> new TreeSet<>()).add(channel.getValue().path("address").asText());
            ObjectNode root = JSON.createObjectNode();
            root.put("$ref", "#/components/messages/" + key + "/payload");
            root.set("components", document.path("components"));
            schemaOf.put(type, JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(root, config));
        }));
    }

    /**
     * The contract of this repository: {@code docs/events.asyncapi.yaml} under the system property
     * {@code oversight.repository}, else under the parent of the working directory (a module's directory).
     */
    public static EventContract ofRepository() {
        Path file = Path.of(System.getProperty("oversight.repository", "..")).resolve("docs/events.asyncapi.yaml");
        try {
            return new EventContract(new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the event contract " + file.toAbsolutePath(), e);
        }
    }

    /** The documented message types. */
    public Set<String> types() {
        return new TreeSet<>(schemaOf.keySet());
    }

    /** The addresses a message type is documented on (empty if it is not documented). */
    public Set<String> addressesOf(String type) {
        return addressesOf.getOrDefault(type, Set.of());
    }

    /**
     * What is wrong with an event sent to an address, by the contract: an undocumented type, a type not documented on
     * that address, or each way its payload breaks the message's schema. Empty when it is a documented message.
     */
    public List<String> defects(String address, JsonNode event) {
        String type = event.path("type").asText();
        List<String> defects = new ArrayList<>();
        JsonSchema schema = schemaOf.get(type);
        if (schema == null) {
            defects.add(type + " is not in docs/events.asyncapi.yaml");
            return defects;
        }
        if (!addressesOf(type).contains(address)) {
            defects.add(type + " was sent to " + address + ", documented on " + addressesOf(type));
        }
        for (ValidationMessage problem : schema.validate(event)) {
            defects.add(type + ": " + problem.getMessage());
        }
        return defects;
    }

    /**
     * A producer's record as its outbox sends it to {@code address}: a new event id, the CloudEvents envelope of
     * {@code source} and {@code type}, written with the service's own {@code objectMapper}. Fails (AssertionError) unless
     * it is the message the contract documents there.
     */
    public String envelope(ObjectMapper objectMapper, String address, String source, String type, UUID subject, Object data) {
        String json;
        try {
            json = objectMapper.writeValueAsString(CloudEvent.of(UUID.randomUUID(), source, type,
                    subject == null ? null : subject.toString(), Instant.now(), objectMapper.valueToTree(data)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        List<String> defects = defects(address, json);
        if (!defects.isEmpty()) {
            throw new AssertionError("not the documented " + type + " on " + address + ": " + defects);
        }
        return json;
    }

    /** The id of an event {@link #envelope} made. */
    public static UUID idOf(String event) {
        try {
            return UUID.fromString(JSON.readTree(event).path("id").asText());
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** {@link #defects(String, JsonNode)} of an event written as JSON text. */
    public List<String> defects(String address, String event) {
        try {
            return defects(address, JSON.readTree(event));
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
    }
}
