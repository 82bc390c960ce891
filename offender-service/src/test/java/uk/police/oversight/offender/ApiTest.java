package uk.police.oversight.offender;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.ConfigProvider;
import uk.police.oversight.common.pnc.PncId;
import uk.police.oversight.testing.AmqpTestClient;
import uk.police.oversight.testing.EmbeddedBrokerResource;
import uk.police.oversight.testing.EmbeddedPostgresResource;
import uk.police.oversight.testing.TestKeysResource;
import uk.police.oversight.testing.TestTokens;

/**
 * Base of the API tests: one embedded PostgreSQL, one embedded broker and one test key for the whole run, and fixtures that create areas,
 * staff and offenders through the API. Every test makes its own areas so tests never see each other's data.
 */
@QuarkusTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "offender"))
@QuarkusTestResource(TestKeysResource.class)
@QuarkusTestResource(value = EmbeddedBrokerResource.class, initArgs = @ResourceArg(name = "service", value = "offender-service"))
public abstract class ApiTest {

    protected static final String BASE = "/api/v1";
    protected static final String ADMIN = TestTokens.admin();
    protected static final String INTEGRATION = TestTokens.integration();
    protected static final String SCRUTINY = TestTokens.scrutiny();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /**
     * The audit entries offender-service sent (through its outbox, on its own audit address, to audit-service) that
     * match, read from the broker until at least {@code atLeast} have arrived (or 20 s have passed), oldest first.
     * Reading takes the entries off the queue: a test reads its entries once.
     */
    protected static List<JsonNode> auditEntries(Predicate<JsonNode> match, int atLeast) {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> found = new ArrayList<>();
        try (AmqpTestClient amqp = new AmqpTestClient(ConfigProvider.getConfig().getValue("amqp-port", Integer.class))) {
            amqp.receiveUntil("oversight.audit.offender-service", received -> {
                found.clear();
                for (String body : received) {
                    try {
                        JsonNode entry = json.readTree(body).path("data");
                        if (match.test(entry)) {
                            found.add(entry);
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return found.size() >= atLeast;
            }, Duration.ofSeconds(20));
        }
        found.sort(Comparator.comparing(entry -> entry.path("at").asText()));
        return found;
    }

    /** Whether an audit entry names this offender. */
    protected static boolean names(JsonNode entry, String offenderId) {
        for (JsonNode id : entry.path("offenderIds")) {
            if (id.asText().equals(offenderId)) {
                return true;
            }
        }
        return false;
    }

    protected static RequestSpecification as(String bearer) {
        return given().header("Authorization", bearer).contentType(ContentType.JSON);
    }

    /** A new area with a unique code. */
    protected static String newArea(String prefix) {
        String code = prefix + SEQUENCE.incrementAndGet();
        as(ADMIN).body(Map.of("code", code, "name", "Area " + code)).post(BASE + "/areas").then().statusCode(201);
        return code;
    }

    /** A new offender manager in the area; returns their id. */
    protected static String newManager(String areaCode) {
        return newStaff(areaCode, "OFFENDER_MANAGER");
    }

    protected static String newStaff(String areaCode, String role) {
        int n = SEQUENCE.incrementAndGet();
        return as(ADMIN).body(Map.of("staffNumber", "S-" + n, "name", "Officer " + n, "email", "officer" + n + "@force.example",
                        "role", role, "areaCode", areaCode))
                .post(BASE + "/staff").then().statusCode(201).extract().path("id");
    }

    /** A valid PNC id nobody else in this run uses, canonical. */
    protected static String newPnc() {
        int year = 1990 + ThreadLocalRandom.current().nextInt(30);
        int serial = SEQUENCE.incrementAndGet() * 100 + ThreadLocalRandom.current().nextInt(100);
        return new PncId(year, serial, PncId.checkLetterFor(year, serial)).canonical();
    }

    /** A complete, valid offender body. */
    protected static Map<String, Object> offender(String pncId, String areaCode, String managerId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("pncId", pncId);
        body.put("firstName", "Jordan");
        body.put("lastName", "Hale" + SEQUENCE.incrementAndGet());
        body.put("dateOfBirth", "1979-04-12");
        body.put("address", Map.of("line1", "14 Harbour Row", "town", "Bristol", "postcode", "BS8 4RN"));
        body.put("mappaCategory", 1);
        body.put("mappaLevel", 1);
        body.put("riskLevel", "HIGH");
        body.put("areaCode", areaCode);
        body.put("managerId", managerId);
        body.put("registeredOn", "2019-03-01");
        return body;
    }

    /** Registers an offender as admin; returns its id. */
    protected static String newOffender(String areaCode, String managerId) {
        return register(offender(newPnc(), areaCode, managerId)).then().statusCode(201).extract().path("id");
    }

    protected static Response register(Map<String, Object> body) {
        return as(ADMIN).body(body).post(BASE + "/offenders");
    }

    protected static String today() {
        return LocalDate.now(uk.police.oversight.common.time.LondonClock.LONDON).toString();
    }

    protected static UUID uuid(String value) {
        return UUID.fromString(value);
    }

    protected static List<String> list(String... values) {
        return List.of(values);
    }
}
