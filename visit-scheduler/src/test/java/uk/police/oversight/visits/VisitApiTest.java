package uk.police.oversight.visits;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import uk.police.oversight.common.pnc.PncId;
import uk.police.oversight.testing.AmqpTestClient;
import uk.police.oversight.testing.EmbeddedBrokerResource;
import uk.police.oversight.testing.EmbeddedPostgresResource;
import uk.police.oversight.testing.OffenderServiceStubResource;
import uk.police.oversight.testing.TestKeysResource;
import uk.police.oversight.testing.TestTokens;

/**
 * Base of visit-scheduler's API tests: embedded PostgreSQL and broker, a test key, and a stand-in offender-service.
 * Offenders reach the projection the way they do in production: as events on the broker.
 */
@QuarkusTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "visits"))
@QuarkusTestResource(TestKeysResource.class)
@QuarkusTestResource(value = EmbeddedBrokerResource.class, initArgs = @ResourceArg(name = "service", value = "visit-scheduler"))
@QuarkusTestResource(OffenderServiceStubResource.class)
public abstract class VisitApiTest {

    protected static final String BASE = "/api/v1";
    protected static final String ADMIN = TestTokens.admin();
    protected static final String INTEGRATION = TestTokens.integration();
    protected static final String SCRUTINY = TestTokens.scrutiny();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Inject
    protected DataSource dataSource;

    protected static RequestSpecification as(String bearer) {
        return given().header("Authorization", bearer).contentType(ContentType.JSON);
    }

    protected static String newArea(String prefix) {
        return prefix + SEQUENCE.incrementAndGet();
    }

    protected static String newPnc() {
        int year = 1990 + ThreadLocalRandom.current().nextInt(30);
        int serial = SEQUENCE.incrementAndGet() * 100 + ThreadLocalRandom.current().nextInt(100);
        return new PncId(year, serial, PncId.checkLetterFor(year, serial)).canonical();
    }

    /** An offender.registered event's data for a HIGH-risk active offender in the community, to adjust. */
    protected static Map<String, Object> offender(String areaCode) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("offenderId", UUID.randomUUID().toString());
        facts.put("version", 0);
        facts.put("pncId", newPnc());
        facts.put("displayName", "Test Offender " + SEQUENCE.incrementAndGet());
        facts.put("riskLevel", "HIGH");
        facts.put("managementMode", "ACTIVE");
        facts.put("status", "IN_COMMUNITY");
        facts.put("statusSince", "2020-01-01");
        facts.put("areaCode", areaCode);
        facts.put("managerId", UUID.randomUUID().toString());
        facts.put("registeredOn", "2020-01-01");
        return facts;
    }

    /** Publishes an offender event as offender-service would, and waits until the projection reflects it. */
    protected void publish(String type, Map<String, Object> facts) {
        String event = event(UUID.randomUUID(), type, facts);
        try (AmqpTestClient amqp = new AmqpTestClient(brokerPort())) {
            amqp.send("oversight.offender-events", event);
        }
        awaitProjected(UUID.fromString((String) facts.get("offenderId")), ((Number) facts.get("version")).longValue());
    }

    /** Publishes a staff member as offender-service would, and waits until visit-scheduler knows them. */
    protected void publishStaff(UUID staffId, String areaCode) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("staffId", staffId.toString());
        data.put("version", 0);
        data.put("staffNumber", "T-" + SEQUENCE.incrementAndGet());
        data.put("name", "Officer");
        data.put("email", "officer@force.example");
        data.put("role", "OFFENDER_MANAGER");
        data.put("areaCode", areaCode);
        data.put("active", true);
        try (AmqpTestClient amqp = new AmqpTestClient(brokerPort())) {
            amqp.send("oversight.offender-events", event(UUID.randomUUID(), "uk.police.oversight.staff.changed", data));
        }
        await().atMost(Duration.ofSeconds(15)).alias("staff member " + staffId + " reaches the projection")
                .until(() -> staffProjected(staffId));
    }

    private boolean staffProjected(UUID staffId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select 1 from staff_projection where staff_id = ?")) {
            select.setObject(1, staffId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    protected String register(Map<String, Object> facts) {
        publish("uk.police.oversight.offender.registered", facts);
        return (String) facts.get("offenderId");
    }

    protected static String event(UUID id, String type, Map<String, Object> data) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of("specversion", "1.0",
                    "id", id.toString(), "source", "/offender-service", "type", type, "subject", data.getOrDefault("offenderId", data.get("staffId")),
                    "time", Instant.now().toString(), "datacontenttype", "application/json", "data", data));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    protected void awaitProjected(UUID offenderId, long version) {
        await().atMost(Duration.ofSeconds(15)).alias("offender " + offenderId + " v" + version + " reaches the projection")
                .until(() -> projectedVersion(offenderId), projected -> projected != null && projected >= version);
    }

    protected Long projectedVersion(UUID offenderId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select version from offender_projection where offender_id = ?")) {
            select.setObject(1, offenderId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records a visit through the API as integration; returns its id. */
    protected static String visit(String offenderId, String date, String type, String outcome) {
        return as(INTEGRATION).body(Map.of("offenderId", offenderId, "visitDate", date, "type", type, "outcome", outcome,
                "announced", false)).post(BASE + "/visits").then().statusCode(201).extract().path("id");
    }

    protected static int brokerPort() {
        return ConfigProvider.getConfig().getValue("amqp-port", Integer.class);
    }

    protected static LocalDate date(String text) {
        return LocalDate.parse(text);
    }
}
