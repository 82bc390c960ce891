package uk.police.oversight.audit;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import uk.police.oversight.testing.AmqpTestClient;
import uk.police.oversight.testing.EmbeddedBrokerResource;
import uk.police.oversight.testing.EmbeddedPostgresResource;
import uk.police.oversight.testing.TestKeysResource;
import uk.police.oversight.testing.TestTokens;

/** Base of audit-service's tests: its own database, the real broker, and audit entries sent as the services send them. */
@QuarkusTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "audit"))
@QuarkusTestResource(TestKeysResource.class)
@QuarkusTestResource(value = EmbeddedBrokerResource.class, initArgs = @ResourceArg(name = "service", value = "audit-service"))
public abstract class AuditServiceTest {

    protected static final String AUDIT_EVENTS = "/api/v1/audit-events";
    protected static final String ADMIN = TestTokens.admin();
    private static final ObjectMapper JSON = new ObjectMapper();

    protected static RequestSpecification as(String bearer) {
        return given().header("Authorization", bearer).contentType(ContentType.JSON);
    }

    /** An audit entry as a service's AuditTrail writes it, in its CloudEvents envelope. */
    protected static String entry(UUID eventId, String service, String actor, String at, UUID offender, String action) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("at", at);
        data.put("actor", actor);
        data.put("roles", List.of("supervisor"));
        data.put("action", action);
        data.put("offenderIds", List.of(offender.toString()));
        data.put("service", service);
        data.put("requestId", "req-" + eventId);
        data.put("detail", "GET /api/v1/schedules/" + offender);
        data.put("outcome", "GRANTED");
        try {
            return JSON.writeValueAsString(Map.of("specversion", "1.0", "id", eventId.toString(), "source", "/" + service,
                    "type", "uk.police.oversight.audit.recorded", "time", at, "datacontenttype", "application/json", "data", data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends entries to a service's audit address, logged in as that service (as its outbox relay would). */
    protected static void sendAs(String service, String... events) {
        try (AmqpTestClient amqp = new AmqpTestClient(brokerPort(), service, EmbeddedBrokerResource.password(service))) {
            for (String event : events) {
                amqp.send("oversight.audit." + service, event);
            }
        }
    }

    protected static int brokerPort() {
        return ConfigProvider.getConfig().getValue("amqp-port", Integer.class);
    }

    protected static int stored(String actor) {
        return as(ADMIN).queryParam("actor", actor).get(AUDIT_EVENTS).then().statusCode(200).extract().path("totalItems");
    }
}
