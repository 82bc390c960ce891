package uk.police.oversight.notifications;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import uk.police.oversight.local.LocalMailSink;
import uk.police.oversight.testing.AmqpTestClient;
import uk.police.oversight.testing.EmbeddedBrokerResource;
import uk.police.oversight.testing.EmbeddedMailResource;
import uk.police.oversight.testing.EmbeddedPostgresResource;
import uk.police.oversight.testing.TestKeysResource;
import uk.police.oversight.testing.TestTokens;

/**
 * Base of notification-service's tests: embedded PostgreSQL, broker and SMTP server (GreenMail), a test key. Staff and
 * compliance events reach the service the way they do in production, over the broker.
 */
@QuarkusTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
@QuarkusTestResource(TestKeysResource.class)
@QuarkusTestResource(value = EmbeddedBrokerResource.class, initArgs = @ResourceArg(name = "service", value = "notification-service"))
@QuarkusTestResource(EmbeddedMailResource.class)
public abstract class NotificationApiTest {

    protected static final String BASE = "/api/v1";
    protected static final String ADMIN = TestTokens.admin();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    protected DataSource dataSource;

    protected static RequestSpecification as(String bearer) {
        return given().header("Authorization", bearer).contentType(ContentType.JSON);
    }

    protected static String newArea(String prefix) {
        return prefix + SEQUENCE.incrementAndGet();
    }

    /** A staff member, published as offender-service would; waits until this service knows them. */
    protected UUID staff(String areaCode, String role, String name) {
        UUID id = UUID.randomUUID();
        int n = SEQUENCE.incrementAndGet();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("staffId", id.toString());
        data.put("version", 0);
        data.put("staffNumber", "N-" + n);
        data.put("name", name);
        data.put("email", name.toLowerCase().replace(' ', '.').replace("dc.", "").replace("ds.", "") + n + "@force.example");
        data.put("role", role);
        data.put("areaCode", areaCode);
        data.put("active", true);
        send("oversight.offender-events", event("uk.police.oversight.staff.changed", "/offender-service", id, data));
        await().atMost(Duration.ofSeconds(15)).until(() -> count("select count(*) from staff_contact where staff_id = '" + id + "'") == 1);
        return id;
    }

    protected String email(UUID staffId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select email from staff_contact where staff_id = ?")) {
            s.setObject(1, staffId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A compliance event's data about a new offender, to adjust. */
    protected static Map<String, Object> compliance(String areaCode, UUID managerId, String riskLevel, String dueOn, int daysOverdue) {
        Map<String, Object> data = new LinkedHashMap<>();
        int n = SEQUENCE.incrementAndGet();
        data.put("offenderId", UUID.randomUUID().toString());
        data.put("pncId", String.format("2001/%07dX", n));
        data.put("riskLevel", riskLevel);
        data.put("areaCode", areaCode);
        data.put("managerId", managerId.toString());
        data.put("dueOn", dueOn);
        data.put("daysOverdue", daysOverdue);
        data.put("lastVisitOn", "2022-01-01");
        data.put("asOf", "2022-06-30");
        data.put("escalateAfterDaysOverdue", 28);
        return data;
    }

    /** Publishes a compliance event as visit-scheduler would; answers the event's JSON. */
    protected String announce(String type, Map<String, Object> data) {
        String event = event(type, "/visit-scheduler", UUID.fromString((String) data.get("offenderId")), data);
        send("oversight.compliance-events", event);
        return event;
    }

    protected static String event(String type, String source, UUID subject, Map<String, Object> data) {
        try {
            return JSON.writeValueAsString(Map.of("specversion", "1.0", "id", UUID.randomUUID().toString(), "source", source,
                    "type", type, "subject", subject.toString(), "time", Instant.now().toString(),
                    "datacontenttype", "application/json", "data", data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static void send(String address, String event) {
        try (AmqpTestClient amqp = new AmqpTestClient(brokerPort())) {
            amqp.send(address, event);
        }
    }

    protected static int brokerPort() {
        return ConfigProvider.getConfig().getValue("amqp-port", Integer.class);
    }

    protected static List<LocalMailSink.Mail> mails() {
        return EmbeddedMailResource.mails(Path.of(ConfigProvider.getConfig().getValue("oversight.test.mail-dir", String.class)));
    }

    protected static List<LocalMailSink.Mail> mailsTo(String address) {
        return mails().stream().filter(m -> m.to().contains(address)).toList();
    }

    protected long count(String sql) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
