package uk.police.oversight.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import uk.police.oversight.local.LocalStack;
import uk.police.oversight.system.AuthorizationMatrixIT.Call;
import uk.police.oversight.system.AuthorizationMatrixIT.Fixture;
import uk.police.oversight.system.AuthorizationMatrixIT.Role;
import uk.police.oversight.system.AuthorizationMatrixIT.Row;

/**
 * The published contract against what the running system answers: every call goes through a Prism proxy
 * ({@code @stoplight/prism-cli}, from {@code .ci/lint}) that validates request and answer against
 * {@code docs/openapi.json} and names what does not match in an {@code sl-violations} header. The battery is the
 * authorization matrix's table (every operation, every role, in and out of area) and, per operation, what takes it to
 * each status it documents: a malformed header (400), a token without a role (403), an unknown record (404), an Accept
 * it cannot answer (406), a conflict (409), a stale If-Match (412), an oversized (413) or mistyped (415) body, a broken
 * rule (422), a client over its allowance (429) and its service down (503). No answer may break the document, no
 * valid request may be reported, and every documented status of every operation must have been seen.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrismContractIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final List<String> SERVICES = List.of("offender-service", "visit-scheduler", "notification-service", "audit-service",
            "assurance-service");

    private Process prism;
    private Path prismLog;
    private String proxy;
    private Fixture world;
    private List<Row> table;
    private final Map<String, Set<Integer>> documented = new TreeMap<>();
    private final Map<String, Set<Integer>> reached = new TreeMap<>();
    private final List<String> defects = new ArrayList<>();

    /** One request of the battery: for which operation, what it should get, and whether the document allows it. */
    private record Probe(String operation, String why, int expected, Call call, String token, Map<String, String> headers,
            boolean validRequest) {
    }

    @BeforeAll
    void startPrism() throws Exception {
        Path bin = NodeTools.bin();
        Path document = NodeTools.repository().resolve("docs/openapi.json");
        JsonNode paths = JSON.readTree(document.toFile()).path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            path.getValue().fields().forEachRemaining(operation -> {
                Set<Integer> statuses = new TreeSet<>();
                operation.getValue().path("responses").fieldNames().forEachRemaining(code -> statuses.add(Integer.parseInt(code)));
                documented.put(operation.getKey().toUpperCase() + " " + path.getKey(), statuses);
            });
        }
        int port = LocalStack.freePort();
        prismLog = Path.of("target/prism-contract.log").toAbsolutePath();
        prism = new ProcessBuilder(bin.resolve("prism").toString(), "proxy", document.toString(), SystemStack.get().url("api-gateway"),
                "--host", "127.0.0.1", "--port", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(prismLog.toFile()).start();
        proxy = "http://127.0.0.1:" + port;
        assertTrue(SystemStack.eventually(Duration.ofSeconds(60), () -> listening(port) || !prism.isAlive()));
        assertTrue(prism.isAlive() && listening(port), () -> "Prism did not start: " + log());
        world = Fixture.build();
        table = AuthorizationMatrixIT.table();
        assertEquals(documented.keySet(), new TreeSet<>(table.stream().map(Row::operation).toList()),
                "the matrix's table names every operation of docs/openapi.json");
    }

    @AfterAll
    void stopPrism() {
        if (prism != null) {
            prism.destroy();
        }
    }

    @Test
    @Order(1)
    void theAuthorizationMatrixAnswersAsDocumented() {
        for (Row row : table) {
            run(new Probe(row.operation(), "no token", 401, row.call().apply(world, true), null, Map.of(), false));
            for (Role role : Role.values()) {
                for (boolean in : role.scoped() ? new boolean[] {true, false} : new boolean[] {true}) {
                    String[] inOut = row.expected().split(" ")[role.ordinal()].split("/");
                    int expected = Integer.parseInt(in || inOut.length == 1 ? inOut[0] : inOut[1]);
                    run(new Probe(row.operation(), role + (in ? " in area" : " out of area"), expected, row.call().apply(world, in),
                            world.token(role, in), Map.of(), true));
                    if (row.operation().equals("POST /api/v1/projection/rebuild") && expected == 202) {
                        world.awaitProjection();
                    }
                }
            }
        }
        assertNoDefects();
    }

    @Test
    @Order(2)
    void everyOperationsRefusalsAnswerAsDocumented() {
        String nobody = "Bearer " + SystemStack.get().keys().token("prism-nobody", List.of("nobody"), List.of(), Duration.ofMinutes(30));
        for (Row row : table) {
            String operation = row.operation();
            Call call = row.call().apply(world, true);
            String token = allowedToken(row);
            boolean justified = documentsJustification(operation);
            Map<String, String> longJustification = new HashMap<>(call.headers());
            longJustification.put("X-Justification", "x".repeat(501));
            run(new Probe(operation, "X-Justification of 501 characters", 400, row.call().apply(world, true), token, longJustification, !justified));
            run(new Probe(operation, "a token with no role", 403, row.call().apply(world, true), nobody, Map.of(), true));
            run(new Probe(operation, "Accept: application/xml", 406, row.call().apply(world, true), token,
                    Map.of("Accept", "application/xml"), true));
            if (operation.contains("{")) {
                Call unknown = row.call().apply(world, true);
                run(new Probe(operation, "an unknown record", 404, new Call(unknown.method(), unknownPath(operation, unknown.path()),
                        unknown.body(), unknown.contentType(), unknown.headers()), token, Map.of(), true));
            }
            if (call.body() != null) {
                Map<String, Object> big = Map.of("padding", "x".repeat(2_200_000));
                run(new Probe(operation, "a body of 2.2 MB", 413, new Call(call.method(), call.path(), big, call.contentType(), call.headers()),
                        token, Map.of(), false));
                run(new Probe(operation, "a text/plain body", 415, new Call(call.method(), call.path(), "{}", "text/plain", call.headers()),
                        token, Map.of(), false));
            }
        }
        assertNoDefects();
    }

    @Test
    @Order(3)
    void conflictsPreconditionsAndBrokenRulesAnswerAsDocumented() {
        String admin = world.token(Role.ADMIN);
        String manager = world.token(Role.MANAGER);
        String integration = world.token(Role.INTEGRATION);
        Map<String, String> stale = Map.of("If-Match", "\"987654\"");
        Map<String, Object> duplicate = new LinkedHashMap<>(world.newOffender(true));
        duplicate.put("pncId", world.pnc(true));
        Map<String, Object> badPostcode = new LinkedHashMap<>(world.newOffender(true));
        badPostcode.put("address", Map.of("line1", "1 Test Street", "town", "Bristol", "postcode", "NOT A POSTCODE"));
        Map<String, Object> policy = new LinkedHashMap<>(Fixture.NATIONAL_POLICY);
        policy.put("visitIntervalMonths", Map.of("VERY_HIGH", 0, "HIGH", 3, "MEDIUM", 6, "LOW", 12));
        String offender = "/offenders/" + world.offender(true);
        String staff = "/staff/" + world.manager(true);
        String pnc = world.pnc(true);
        char wrong = pnc.charAt(pnc.length() - 1) == 'A' ? 'B' : 'A';
        String scrutiny = world.token(Role.SCRUTINY);
        String panel = world.token(Role.PANEL);
        Map<String, Object> action = world.newAction();
        SystemStack.admin().body(action).post(SystemStack.api() + "/actions").then().statusCode(201);
        String thresholdsTag = world.thresholdsTag();
        Map<String, Object> nonsense = Map.of("thresholds", List.of(Map.of("metric", "complianceRate", "better", "HIGHER",
                "green", 2.0, "amber", 0.9)));
        String finding = "/assurance-samples/" + world.sample() + "/cases/" + world.caseRef() + "/finding";
        List<Probe> probes = List.of(
                new Probe("GET /api/v1/reports/compliance", "a month without a snapshot", 404,
                        new Call("GET", "/reports/compliance?month=1960-01"), scrutiny, Map.of(), true),
                new Probe("POST /api/v1/actions", "a reference in use", 409, new Call("POST", "/actions", action), scrutiny, Map.of(), true),
                new Probe("POST /api/v1/actions", "nothing", 422, new Call("POST", "/actions", Map.of()), scrutiny, Map.of(), false),
                new Probe("POST /api/v1/actions/{id}/updates", "no note", 422, new Call("POST", "/actions/" + world.action() + "/updates",
                        Map.of("status", "IN_PROGRESS")), scrutiny, Map.of(), false),
                new Probe("POST /api/v1/assurance-samples", "nothing", 422, new Call("POST", "/assurance-samples", Map.of()), scrutiny,
                        Map.of(), false),
                new Probe("POST /api/v1/compliance-snapshots", "a date in the future", 422, new Call("POST", "/compliance-snapshots",
                        Map.of("asOf", "2999-01-01")), scrutiny, Map.of(), true),
                new Probe("PUT /api/v1/assurance-samples/{id}/cases/{caseRef}/finding", "no grade", 422, new Call("PUT", finding,
                        Map.of("flags", List.of())), panel, Map.of(), false),
                new Probe("PUT /api/v1/performance-thresholds", "a stale If-Match", 412, new Call("PUT", "/performance-thresholds",
                        Fixture.DEFAULT_THRESHOLDS), scrutiny, stale, true),
                new Probe("PUT /api/v1/performance-thresholds", "no If-Match", 428, new Call("PUT", "/performance-thresholds",
                        Fixture.DEFAULT_THRESHOLDS), scrutiny, Map.of(), true),
                new Probe("PUT /api/v1/performance-thresholds", "a rate of 2", 422, new Call("PUT", "/performance-thresholds", nonsense),
                        scrutiny, Map.of("If-Match", thresholdsTag), true),
                new Probe("POST /api/v1/areas", "an area code in use", 409,
                        new Call("POST", "/areas", Map.of("code", world.area(true), "name", "Again")), admin, Map.of(), true),
                new Probe("POST /api/v1/areas", "no code or name", 422, new Call("POST", "/areas", Map.of()), admin, Map.of(), false),
                new Probe("POST /api/v1/offenders", "a PNC id on the register", 409, new Call("POST", "/offenders", duplicate), admin, Map.of(), true),
                new Probe("POST /api/v1/offenders", "a postcode that is not one", 422, new Call("POST", "/offenders", badPostcode),
                        admin, Map.of(), false),
                new Probe("POST /api/v1/offenders/batch", "no items", 422, new Call("POST", "/offenders/batch", Map.of("items", List.of())),
                        integration, Map.of(), false),
                new Probe("GET /api/v1/offenders/by-pnc/{pncId}", "a wrong check letter", 422,
                        new Call("GET", "/offenders/by-pnc/" + pnc.substring(0, pnc.length() - 1) + wrong), admin, Map.of(), true),
                new Probe("PATCH /api/v1/offenders/{id}", "a stale If-Match", 412,
                        new Call("PATCH", offender, Map.of("firstName", "Jo"), "application/merge-patch+json"), admin, stale, true),
                new Probe("PATCH /api/v1/offenders/{id}", "a blank first name", 422,
                        new Call("PATCH", offender, Map.of("firstName", ""), "application/merge-patch+json"), admin, Map.of(), false),
                new Probe("POST /api/v1/offenders/{id}/risk-assessments", "an assessment in the future", 422,
                        new Call("POST", offender + "/risk-assessments", Map.of("assessedOn", "2999-01-01", "riskLevel", "HIGH", "tool", "ARMS")),
                        manager, Map.of(), true),
                new Probe("POST /api/v1/offenders/{id}/status-changes", "a change effective in the future", 422,
                        new Call("POST", offender + "/status-changes", Map.of("status", "IN_CUSTODY", "effectiveOn", "2999-01-01", "reason", "x")),
                        integration, Map.of(), true),
                new Probe("POST /api/v1/staff", "a staff number in use", 409, new Call("POST", "/staff", Map.of("staffNumber",
                        world.staffNumber(true), "name", "DC Again", "email", "again@force.example", "role", "OFFENDER_MANAGER",
                        "areaCode", world.area(true))), admin, Map.of(), true),
                new Probe("POST /api/v1/staff", "nothing", 422, new Call("POST", "/staff", Map.of()), admin, Map.of(), false),
                new Probe("PATCH /api/v1/staff/{id}", "a stale If-Match", 412,
                        new Call("PATCH", staff, Map.of("name", "DC Renamed"), "application/merge-patch+json"), admin, stale, true),
                new Probe("PATCH /api/v1/staff/{id}", "an email that is not one", 422,
                        new Call("PATCH", staff, Map.of("email", "not-an-email"), "application/merge-patch+json"), admin, Map.of(), false),
                new Probe("PUT /api/v1/visit-policy", "a stale If-Match", 412, new Call("PUT", "/visit-policy", Fixture.NATIONAL_POLICY),
                        admin, stale, true),
                new Probe("PUT /api/v1/visit-policy", "a visit interval of 0 months", 422, new Call("PUT", "/visit-policy", policy),
                        admin, Map.of(), false),
                new Probe("POST /api/v1/visits", "a visit in the future", 422, new Call("POST", "/visits", Map.of("offenderId",
                        world.offender(true), "visitDate", "2999-01-01", "type", "HOME_VISIT", "outcome", "COMPLETED", "announced", false)),
                        integration, Map.of(), true),
                new Probe("POST /api/v1/visits/batch", "no items", 422, new Call("POST", "/visits/batch", Map.of("items", List.of())),
                        integration, Map.of(), false),
                new Probe("POST /api/v1/webhooks", "a cloud metadata address", 422, new Call("POST", "/webhooks", Map.of("url",
                        "https://169.254.169.254/latest", "eventTypes", List.of("OVERDUE"), "secret", "a-secret-of-sixteen-or-more")),
                        admin, Map.of(), true));
        probes.forEach(this::run);
        assertNoDefects();
    }

    @Test
    @Order(4)
    void everyOperationAnswers503WhileItsServiceIsDown() {
        for (String service : SERVICES) {
            // The calls are made while everything runs (some read or create what they need first).
            List<Probe> probes = new ArrayList<>();
            for (Row row : table) {
                probes.add(new Probe(row.operation(), service + " down", -1, row.call().apply(world, true), allowedToken(row), Map.of(), true));
            }
            SystemStack.get().stop(service);
            try {
                probes.forEach(this::run);
            } finally {
                SystemStack.get().start(service);
            }
        }
        assertNoDefects();
        SERVICES.forEach(s -> assertTrue(SystemStack.get().ready(s), s + " is back"));
    }

    @Test
    @Order(5)
    void everyOperationAnswers429ToAClientOverItsAllowance() {
        LocalStack stack = SystemStack.get();
        Map<String, String> normal = new HashMap<>();
        Map<String, String> tight = new HashMap<>();
        for (String key : List.of("GATEWAY_RATE_LIMIT_BURST", "GATEWAY_RATE_LIMIT_PER_MINUTE")) {
            normal.put(key, stack.setting("api-gateway", key));
            tight.put(key, "1");
        }
        String subject = "prism-eager-" + UUID.randomUUID();
        String token = "Bearer " + stack.keys().token(subject, List.of("admin"), List.of(), Duration.ofMinutes(30));
        // The calls are made first: some read or create what they need through the gateway.
        List<Probe> probes = new ArrayList<>();
        probes.add(new Probe("GET /api/v1/areas", "the one request allowed", 200, new Call("GET", "/areas"), token, Map.of(), true));
        for (Row row : table) {
            probes.add(new Probe(row.operation(), "over the allowance", 429, row.call().apply(world, true), token, Map.of(), true));
        }
        // An allowance of one request a minute, on a gateway restarted for it, then the usual one again.
        stack.restart("api-gateway", tight);
        try {
            probes.forEach(this::run);
        } finally {
            stack.restart("api-gateway", normal);
        }
        assertNoDefects();
    }

    @Test
    @Order(6)
    void everyDocumentedStatusOfEveryOperationWasReached() {
        List<String> missing = new ArrayList<>();
        List<String> undocumented = new ArrayList<>();
        documented.forEach((operation, statuses) -> {
            Set<Integer> seen = reached.getOrDefault(operation, Set.of());
            statuses.stream().filter(s -> !seen.contains(s)).forEach(s -> missing.add(operation + " " + s));
            seen.stream().filter(s -> !statuses.contains(s)).forEach(s -> undocumented.add(operation + " " + s));
        });
        assertEquals(List.of(), undocumented, "statuses answered that the document does not name");
        assertEquals(List.of(), missing, "documented statuses no request of the battery reached");
    }

    /** Sends one probe through Prism and notes what came back, and anything that does not match the document. */
    private void run(Probe probe) {
        Call call = probe.call();
        String what = probe.operation() + " (" + probe.why() + ") " + call.method() + " " + call.path();
        HttpResponse<String> response;
        try {
            response = send(call, probe.token(), probe.headers());
        } catch (IOException e) {
            defects.add(what + ": no answer (" + e + ")");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        int status = response.statusCode();
        reached.computeIfAbsent(probe.operation(), k -> new TreeSet<>()).add(status);
        String body = response.body().length() > 300 ? response.body().substring(0, 300) + "…" : response.body();
        if (probe.expected() > 0 && status != probe.expected()) {
            defects.add(what + ": expected " + probe.expected() + ", got " + status + " " + body);
        }
        if (probe.expected() < 0 && status != 503 && status / 100 != 2) {
            defects.add(what + ": expected 503 or a success, got " + status + " " + body);
        }
        if (response.headers().firstValue("X-Request-Id").isEmpty()) {
            defects.add(what + ": answered by Prism itself, not the gateway: " + status + " " + body);
        }
        if (status >= 400 && !response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            defects.add(what + ": a " + status + " that is not problem+json: " + body);
        }
        for (String header : response.headers().allValues("sl-violations")) {
            try {
                for (JsonNode violation : JSON.readTree(header)) {
                    boolean aboutTheAnswer = "response".equals(violation.path("location").path(0).asText());
                    if (aboutTheAnswer || probe.validRequest()) {
                        defects.add(what + " -> " + status + ": " + violation);
                    }
                }
            } catch (IOException e) {
                defects.add(what + ": unreadable sl-violations " + header);
            }
        }
    }

    private HttpResponse<String> send(Call call, String token, Map<String, String> headers) throws IOException, InterruptedException {
        String path = call.path();
        if (path.startsWith("/offenders/by-pnc/")) {
            // The canonical PNC id, its slash encoded, as a generated client sends it.
            path = "/offenders/by-pnc/" + path.substring("/offenders/by-pnc/".length()).replace("/", "%2F");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(proxy + "/api/v1" + path)).timeout(Duration.ofSeconds(60));
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        if (call.body() != null) {
            byte[] bytes = call.body() instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(call.body());
            body = HttpRequest.BodyPublishers.ofByteArray(bytes);
            request.header("Content-Type", call.contentType() == null ? "application/json" : call.contentType());
        }
        if (token != null) {
            request.header("Authorization", token);
        }
        Map<String, String> all = new LinkedHashMap<>(call.headers());
        all.putAll(headers);
        all.forEach(request::header);
        request.method(call.method(), body);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The token of the first role the matrix lets do the operation in its area. */
    private String allowedToken(Row row) {
        String[] expected = row.expected().split(" ");
        for (Role role : List.of(Role.ADMIN, Role.INTEGRATION, Role.MANAGER, Role.SUPERVISOR, Role.SCRUTINY, Role.PANEL)) {
            if (expected[role.ordinal()].startsWith("2")) {
                return world.token(role);
            }
        }
        throw new IllegalStateException("No role may call " + row.operation());
    }

    /** The concrete path with each of the template's records replaced by one that does not exist. */
    private static String unknownPath(String operation, String concrete) {
        String template = operation.substring(operation.indexOf(' ') + 1).substring("/api/v1".length());
        int query = concrete.indexOf('?');
        StringBuilder path = new StringBuilder();
        Matcher parameter = PATH_PARAMETER.matcher(template);
        while (parameter.find()) {
            String unknown = switch (parameter.group(1)) {
                case "code" -> "ZZ" + (System.nanoTime() % 100_000);
                case "pncId" -> String.format("1999/%07d%c", 9_999_990, World.checkLetter(1999, 9_999_990));
                case "caseRef" -> "00000000-99";
                default -> UUID.randomUUID().toString();
            };
            parameter.appendReplacement(path, Matcher.quoteReplacement(unknown));
        }
        parameter.appendTail(path);
        return path + (query < 0 ? "" : concrete.substring(query));
    }

    private boolean documentsJustification(String operation) {
        try {
            String[] parts = operation.split(" ", 2);
            JsonNode parameters = JSON.readTree(NodeTools.repository().resolve("docs/openapi.json").toFile())
                    .path("paths").path(parts[1]).path(parts[0].toLowerCase()).path("parameters");
            for (JsonNode parameter : parameters) {
                if (parameter.path("$ref").asText().endsWith("/X-Justification") || "X-Justification".equals(parameter.path("name").asText())) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void assertNoDefects() {
        List<String> found = new ArrayList<>(defects);
        defects.clear();
        assertEquals(List.of(), found.subList(0, Math.min(40, found.size())), found.size() + " answers that do not match the document");
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private String log() {
        try {
            return Files.readString(prismLog);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
