package uk.police.oversight.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Every endpoint × every role × in-area and out-of-area, through the gateway against the running services, from one
 * table. The table must name exactly the operations of the published OpenAPI document: a new endpoint without a row
 * fails this test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT {

    /**
     * The roles, in the order of each row's expectations; NONE (no token) always expects 401. "in/out" is in and out of
     * their area for managers and supervisors, and a member of the fixture's assurance sample or not for the panel.
     */
    enum Role { MANAGER, SUPERVISOR, INTEGRATION, SCRUTINY, ADMIN, PANEL;

        /** Whether the role is judged twice, in and out of its area or sample. */
        boolean scoped() {
            return this == MANAGER || this == SUPERVISOR || this == PANEL;
        }
    }

    /** A request to make: method, concrete path, optional body and headers. */
    record Call(String method, String path, Object body, String contentType, Map<String, String> headers) {
        Call(String method, String path) {
            this(method, path, null, null, Map.of());
        }

        Call(String method, String path, Object body) {
            this(method, path, body, "application/json", Map.of());
        }

        Call(String method, String path, Object body, String contentType) {
            this(method, path, body, contentType, Map.of());
        }
    }

    /**
     * One operation: its method and path template as the OpenAPI document names them, the expected status per role
     * ("in/out" for managers and supervisors: in their area and outside it), and how to build a call.
     */
    record Row(String operation, String expected, BiFunction<Fixture, Boolean, Call> call) {
    }

    private Fixture world;

    /** The table, also driven through a validating Prism proxy by PrismContractIT. */
    static List<Row> table() {
        return List.of(
                row("GET /api/v1/areas", "200 200 200 200 200 403", (f, in) -> new Call("GET", "/areas")),
                row("POST /api/v1/areas", "403 403 403 403 201 403", (f, in) -> new Call("POST", "/areas", Map.of("code", f.unique("AR"), "name", "New area"))),
                row("GET /api/v1/areas/{code}", "200 200 200 200 200 403", (f, in) -> new Call("GET", "/areas/" + f.area(in))),
                row("GET /api/v1/staff", "200 200 200 403 200 403", (f, in) -> new Call("GET", "/staff")),
                row("POST /api/v1/staff", "403 403 403 403 201 403", (f, in) -> new Call("POST", "/staff", f.newStaff())),
                row("GET /api/v1/staff/{id}", "200 200 200 403 200 403", (f, in) -> new Call("GET", "/staff/" + f.manager(in))),
                row("PATCH /api/v1/staff/{id}", "403 403 403 403 200 403", (f, in) -> new Call("PATCH", "/staff/" + f.manager(in),
                        Map.of("name", "DC Renamed"), "application/merge-patch+json")),
                row("GET /api/v1/staff/{id}/caseload", "200 200 403 403 200 403", (f, in) -> new Call("GET", "/staff/" + f.manager(in) + "/caseload")),
                row("GET /api/v1/offenders", "200 200 200 403 200 403", (f, in) -> new Call("GET", "/offenders?areaCode=" + f.area(in))),
                row("POST /api/v1/offenders", "201/422 201/422 201 403 201 403", (f, in) -> new Call("POST", "/offenders", f.newOffender(in))),
                row("GET /api/v1/offenders/{id}", "200/404 200/404 200 403 200 403", (f, in) -> new Call("GET", "/offenders/" + f.offender(in))),
                row("PATCH /api/v1/offenders/{id}", "200/404 200/404 200 403 200 403", (f, in) -> new Call("PATCH", "/offenders/" + f.offender(in),
                        Map.of("firstName", "Jo"), "application/merge-patch+json")),
                row("DELETE /api/v1/offenders/{id}", "403 403 403 403 204 403", (f, in) -> f.erasure()),
                row("GET /api/v1/offenders/by-pnc/{pncId}", "200/404 200/404 200 403 200 403", (f, in) -> new Call("GET", "/offenders/by-pnc/" + f.pnc(in))),
                row("POST /api/v1/offenders/batch", "403 403 200 403 200 403", (f, in) -> new Call("POST", "/offenders/batch", Map.of("items", List.of(f.newOffender(true))))),
                row("POST /api/v1/offenders/events/replay", "403 403 403 403 202 403", (f, in) -> new Call("POST", "/offenders/events/replay")),
                row("GET /api/v1/offenders/events/replays/{id}", "403 403 403 403 200 403", (f, in) -> new Call("GET", "/offenders/events/replays/" + f.replay())),
                row("GET /api/v1/offenders/{id}/history", "403 200/404 403 403 200 403", (f, in) -> new Call("GET", "/offenders/" + f.offender(in) + "/history")),
                row("GET /api/v1/offenders/{id}/risk-assessments", "200/404 200/404 200 403 200 403", (f, in) -> new Call("GET", "/offenders/" + f.offender(in) + "/risk-assessments")),
                row("POST /api/v1/offenders/{id}/risk-assessments", "201/404 201/404 403 403 403 403", (f, in) -> new Call("POST", "/offenders/" + f.offender(in)
                        + "/risk-assessments", Map.of("assessedOn", "2022-05-10", "riskLevel", "HIGH", "tool", "ARMS"))),
                row("GET /api/v1/offenders/{id}/risk-assessments/{recordId}", "200/404 200/404 403 403 200 403", (f, in) -> new Call("GET", "/offenders/"
                        + f.offender(in) + "/risk-assessments/" + f.assessment(in))),
                row("GET /api/v1/offenders/{id}/status-changes", "200/404 200/404 200 403 200 403", (f, in) -> new Call("GET", "/offenders/" + f.offender(in) + "/status-changes")),
                row("POST /api/v1/offenders/{id}/status-changes", "201/404 201/404 201 403 403 403", (f, in) -> new Call("POST", "/offenders/" + f.offender(in)
                        + "/status-changes", f.statusToggle(in))),
                row("GET /api/v1/offenders/{id}/status-changes/{recordId}", "200/404 200/404 200 403 200 403", (f, in) -> new Call("GET", "/offenders/"
                        + f.offender(in) + "/status-changes/" + f.statusChange(in))),
                row("GET /api/v1/audit-events", "403 403 403 403 200 403", (f, in) -> new Call("GET", "/audit-events")),
                row("GET /api/v1/visits", "200 200 200 403 403 403", (f, in) -> new Call("GET", "/visits?offenderId=" + f.offender(in))),
                row("POST /api/v1/visits", "201/422 201/422 201 403 403 403", (f, in) -> new Call("POST", "/visits", Map.of("offenderId", f.offender(in),
                        "visitDate", "2022-01-10", "type", "HOME_VISIT", "outcome", "COMPLETED", "announced", false))),
                row("GET /api/v1/visits/{id}", "200/404 200/404 200 403 403 403", (f, in) -> new Call("GET", "/visits/" + f.visit(in))),
                row("POST /api/v1/visits/batch", "403 403 200 403 200 403", (f, in) -> new Call("POST", "/visits/batch", Map.of("items", List.of(Map.of(
                        "offenderId", f.offender(true), "visitDate", "2021-02-03", "type", "OTHER_CONTACT", "outcome", "COMPLETED",
                        "announced", false, "externalRef", f.unique("REF")))))),
                row("GET /api/v1/schedules/{offenderId}", "200/404 200/404 200 403 403 403", (f, in) -> new Call("GET", "/schedules/" + f.offender(in))),
                row("GET /api/v1/overdue-visits", "200 200 403 403 200 403", (f, in) -> new Call("GET", "/overdue-visits?areaCode=" + f.area(in) + "&asOf=2022-06-30")),
                row("GET /api/v1/overdue-visits/summary", "200 200 200 200 200 403", (f, in) -> new Call("GET", "/overdue-visits/summary?areaCode=" + f.area(in))),
                row("GET /api/v1/overdue-risk-reviews", "200 200 403 403 200 403", (f, in) -> new Call("GET", "/overdue-risk-reviews?areaCode=" + f.area(in))),
                row("GET /api/v1/visit-policy", "200 200 200 200 200 403", (f, in) -> new Call("GET", "/visit-policy")),
                row("PUT /api/v1/visit-policy", "403 403 403 403 200 403", (f, in) -> new Call("PUT", "/visit-policy", Fixture.NATIONAL_POLICY)),
                row("POST /api/v1/compliance-scans", "403 403 403 403 200 403", (f, in) -> new Call("POST", "/compliance-scans?asOf=2010-01-01")),
                row("POST /api/v1/projection/rebuild", "403 403 403 403 202 403", (f, in) -> new Call("POST", "/projection/rebuild")),
                row("GET /api/v1/projection/rebuilds/{id}", "403 403 403 403 200 403", (f, in) -> new Call("GET", "/projection/rebuilds/" + f.rebuild())),
                row("GET /api/v1/notifications", "403 200 403 403 200 403", (f, in) -> new Call("GET", "/notifications")),
                row("GET /api/v1/notifications/{id}", "403 200/404 403 403 200 403", (f, in) -> new Call("GET", "/notifications/" + f.notification(in))),
                row("GET /api/v1/webhooks", "403 403 403 403 200 403", (f, in) -> new Call("GET", "/webhooks")),
                row("POST /api/v1/webhooks", "403 403 403 403 201 403", (f, in) -> new Call("POST", "/webhooks", Map.of("url", "https://localhost:9/x",
                        "eventTypes", List.of("OVERDUE"), "secret", "a-secret-of-sixteen-or-more"))),
                row("GET /api/v1/webhooks/{id}", "403 403 403 403 200 403", (f, in) -> new Call("GET", "/webhooks/" + f.webhook())),
                row("DELETE /api/v1/webhooks/{id}", "403 403 403 403 204 403", (f, in) -> new Call("DELETE", "/webhooks/" + f.newWebhook())),
                row("POST /api/v1/digests", "403 403 403 403 200 403", (f, in) -> new Call("POST", "/digests?on=2010-01-01")),
                row("GET /api/v1/community-offenders", "403 403 200 403 200 403", (f, in) -> new Call("GET", "/community-offenders?asOf=2022-06-30")),
                row("POST /api/v1/compliance-snapshots", "403 403 403 201 201 403", (f, in) -> new Call("POST", "/compliance-snapshots",
                        Map.of("asOf", "2022-06-30"))),
                row("GET /api/v1/compliance-snapshots", "200 200 200 200 200 200", (f, in) -> new Call("GET", "/compliance-snapshots?to=2022-12-31")),
                row("GET /api/v1/compliance-snapshots/{id}", "200 200 200 200 200 200", (f, in) -> new Call("GET", "/compliance-snapshots/" + f.snapshot())),
                row("GET /api/v1/compliance-trends", "200 200 200 200 200 200", (f, in) -> new Call("GET", "/compliance-trends?metric=overdue&from=2022-01-01&to=2022-12-31")),
                row("GET /api/v1/performance-thresholds", "200 200 200 200 200 200", (f, in) -> new Call("GET", "/performance-thresholds")),
                row("PUT /api/v1/performance-thresholds", "403 403 403 200 200 403", (f, in) -> new Call("PUT", "/performance-thresholds",
                        Fixture.DEFAULT_THRESHOLDS, "application/json", Map.of("If-Match", f.thresholdsTag()))),
                row("GET /api/v1/backlog-ageing", "200 200 200 200 200 403", (f, in) -> new Call("GET", "/backlog-ageing?asOf=2022-06-30&areaCode=" + f.area(in))),
                row("POST /api/v1/assurance-samples", "403 403 403 201 201 403", (f, in) -> new Call("POST", "/assurance-samples", f.newSample(in))),
                row("GET /api/v1/assurance-samples", "403 403 403 200 200 200", (f, in) -> new Call("GET", "/assurance-samples")),
                row("GET /api/v1/assurance-samples/{id}", "403 403 403 200 200 200/404", (f, in) -> new Call("GET", "/assurance-samples/" + f.sample())),
                row("GET /api/v1/assurance-samples/{id}/cases/{caseRef}", "403 403 403 403 403 200/404", (f, in) -> new Call("GET",
                        "/assurance-samples/" + f.sample() + "/cases/" + f.caseRef())),
                row("PUT /api/v1/assurance-samples/{id}/cases/{caseRef}/finding", "403 403 403 403 403 200/404", (f, in) -> new Call("PUT",
                        "/assurance-samples/" + f.sample() + "/cases/" + f.caseRef() + "/finding", Map.of("grade", "CONSISTENT", "flags", List.of()))),
                row("GET /api/v1/assurance-samples/{id}/report", "403 403 403 200 200 200/404", (f, in) -> new Call("GET",
                        "/assurance-samples/" + f.sample() + "/report")),
                row("GET /api/v1/actions", "403 200 403 200 200 403", (f, in) -> new Call("GET", "/actions")),
                row("POST /api/v1/actions", "403 403 403 201 201 403", (f, in) -> new Call("POST", "/actions", f.newAction())),
                row("GET /api/v1/actions/{id}", "403 200 403 200 200 403", (f, in) -> new Call("GET", "/actions/" + f.action())),
                row("POST /api/v1/actions/{id}/updates", "403 201 403 201 201 403", (f, in) -> new Call("POST", "/actions/" + f.action() + "/updates",
                        Map.of("note", "Matrix update", "status", "IN_PROGRESS"))),
                row("POST /api/v1/actions/reminders", "403 403 403 403 200 403", (f, in) -> new Call("POST", "/actions/reminders?on=2010-01-01")),
                row("GET /api/v1/reports/compliance", "200 200 200 200 200 200", (f, in) -> new Call("GET", "/reports/compliance?month=2022-06")));
    }

    private static Row row(String operation, String expected, BiFunction<Fixture, Boolean, Call> call) {
        return new Row(operation, expected, call);
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointEveryRoleInAndOutOfArea() {
        world = Fixture.build();
        List<Row> rows = table();
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("the table names every operation of the OpenAPI document, and only those", () -> {
            Set<String> documented = new TreeSet<>();
            Map<String, Map<String, Object>> paths = given().get(SystemStack.get().url("api-gateway") + "/q/openapi?format=json")
                    .then().statusCode(200).extract().jsonPath().getMap("paths");
            paths.forEach((path, operations) -> operations.keySet().stream()
                    .filter(m -> List.of("get", "post", "put", "patch", "delete").contains(m))
                    .forEach(m -> documented.add(m.toUpperCase() + " " + path)));
            Set<String> tabled = new TreeSet<>(rows.stream().map(Row::operation).toList());
            assertEquals(documented, tabled);
        }));
        for (Row row : rows) {
            String[] expected = row.expected().split(" ");
            tests.add(DynamicTest.dynamicTest(row.operation() + " without a token -> 401",
                    () -> assertStatus(row, null, true, 401)));
            for (Role role : Role.values()) {
                String[] inOut = expected[role.ordinal()].split("/");
                tests.add(DynamicTest.dynamicTest(row.operation() + " as " + role + " in area -> " + inOut[0],
                        () -> assertStatus(row, role, true, Integer.parseInt(inOut[0]))));
                if (role.scoped()) {
                    int out = Integer.parseInt(inOut.length > 1 ? inOut[1] : inOut[0]);
                    tests.add(DynamicTest.dynamicTest(row.operation() + " as " + role + " out of area -> " + out,
                            () -> assertStatus(row, role, false, out)));
                }
            }
        }
        return tests.stream();
    }

    private void assertStatus(Row row, Role role, boolean inArea, int expected) {
        Call call = row.call().apply(world, inArea);
        RequestSpecification request = given().contentType(call.contentType() == null ? "application/json" : call.contentType());
        if (role != null) {
            request.header("Authorization", world.token(role, inArea));
        }
        if (call.body() != null) {
            request.body(call.body());
        }
        call.headers().forEach(request::header);
        Response response = request.request(call.method(), SystemStack.api() + call.path());
        assertEquals(expected, response.statusCode(), () -> row.operation() + " as " + role + (inArea ? " in" : " out of")
                + " area: " + call.method() + " " + call.path() + " -> " + response.asString());
        if (expected >= 400) {
            assertTrue(response.contentType().startsWith("application/problem+json"), "a problem+json answer");
        }
        if (call.path().startsWith("/projection/rebuild") && expected == 202) {
            world.awaitProjection();
        }
    }

    /** The world the table runs against: two areas, with an offender, a manager, a visit, … in each. */
    static final class Fixture {

        static final Map<String, Object> NATIONAL_POLICY = Map.of(
                "visitIntervalMonths", Map.of("VERY_HIGH", 1, "HIGH", 3, "MEDIUM", 6, "LOW", 12),
                "riskReviewIntervalMonths", Map.of("VERY_HIGH", 12, "HIGH", 12, "MEDIUM", 12, "LOW", 12),
                "firstVisitWithinDays", 28, "escalateAfterDaysOverdue", 28);

        private final Map<Boolean, String[]> worlds = new LinkedHashMap<>();
        private final Map<Boolean, Map<String, String>> ids = new LinkedHashMap<>();
        static final Map<String, Object> DEFAULT_THRESHOLDS = Map.of("thresholds", List.of(
                Map.of("metric", "complianceRate", "better", "HIGHER", "green", 0.95, "amber", 0.90),
                Map.of("metric", "reviewComplianceRate", "better", "HIGHER", "green", 0.95, "amber", 0.90),
                Map.of("metric", "oldestDaysOverdue", "better", "LOWER", "green", 30, "amber", 90)));

        private String webhook;
        private String snapshot;
        private String sample;
        private String caseRef;
        private String action;
        private String replay;
        private String rebuild;
        private int sequence;

        static Fixture build() {
            Fixture f = new Fixture();
            for (boolean in : new boolean[] {true, false}) {
                String[] world = World.areaWithManager(in ? "MXA" : "MXB");
                f.worlds.put(in, world);
                Map<String, String> made = new LinkedHashMap<>();
                String staffId = SystemStack.admin().queryParam("areaCode", world[0]).get(SystemStack.api() + "/staff").path("items[0].id");
                made.put("manager", staffId);
                SystemStack.admin().body(Map.of("staffNumber", "SUP-" + world[0], "name", "DS " + world[0],
                        "email", "sup." + world[0].toLowerCase() + "@force.example", "role", "SUPERVISOR", "areaCode", world[0]))
                        .post(SystemStack.api() + "/staff").then().statusCode(201);
                List<Map<String, Object>> items = World.offenders(world[0], world[1], 1);
                items.get(0).put("registeredOn", "2015-01-01");
                String offender = SystemStack.integration().body(Map.of("items", items)).post(SystemStack.api() + "/offenders/batch")
                        .then().statusCode(200).extract().path("results[0].id");
                made.put("offender", offender);
                made.put("pnc", (String) items.get(0).get("pncId"));
                made.put("visit", SystemStack.integration().body(Map.of("offenderId", offender, "visitDate", "2015-02-01",
                        "type", "HOME_VISIT", "outcome", "COMPLETED", "announced", false)).post(SystemStack.api() + "/visits")
                        .then().statusCode(201).extract().path("id"));
                made.put("assessment", SystemStack.as("dc.matrix", List.of("offender-manager"), world[0])
                        .body(Map.of("assessedOn", "2015-03-01", "riskLevel", "HIGH", "tool", "ARMS"))
                        .post(SystemStack.api() + "/offenders/" + offender + "/risk-assessments").then().statusCode(201).extract().path("id"));
                made.put("statusChange", SystemStack.integration().body(Map.of("status", "IN_CUSTODY", "effectiveOn", LocalDate.now().toString(),
                        "reason", "Matrix fixture")).post(SystemStack.api() + "/offenders/" + offender + "/status-changes")
                        .then().statusCode(201).extract().path("id"));
                f.ids.put(in, made);
            }
            // A notification in each area: a very high risk offender never visited is overdue (and escalated) a month on.
            for (boolean in : new boolean[] {true, false}) {
                String[] world = f.worlds.get(in);
                List<Map<String, Object>> items = World.offenders(world[0], world[1], 1);
                items.get(0).put("riskLevel", "VERY_HIGH");
                items.get(0).put("registeredOn", "2014-01-01");
                String urgent = SystemStack.integration().body(Map.of("items", items)).post(SystemStack.api() + "/offenders/batch")
                        .then().statusCode(200).extract().path("results[0].id");
                // The scan works on visit-scheduler's projection, which the registration reaches as an event.
                assertTrue(SystemStack.eventually(Duration.ofSeconds(60), () -> SystemStack.queryLong("visits",
                        "select count(*) from offender_projection where offender_id = ?::uuid", urgent) == 1));
            }
            SystemStack.admin().queryParam("asOf", "2014-03-01").post(SystemStack.api() + "/compliance-scans").then().statusCode(200);
            for (boolean in : new boolean[] {true, false}) {
                String manager = f.ids.get(in).get("manager");
                assertTrue(SystemStack.eventually(Duration.ofSeconds(60), () -> SystemStack.admin().queryParam("recipientId", manager)
                        .get(SystemStack.api() + "/notifications").<Integer>path("totalItems") > 0), "a notification to " + manager);
                f.ids.get(in).put("notification", SystemStack.admin().queryParam("recipientId", manager)
                        .get(SystemStack.api() + "/notifications").path("items[0].id"));
            }
            f.webhook = f.newWebhook();
            f.snapshot = SystemStack.as("matrix-pcc", List.of("scrutiny")).body(Map.of("asOf", "2022-06-30"))
                    .post(SystemStack.api() + "/compliance-snapshots").then().statusCode(201).extract().path("id");
            io.restassured.path.json.JsonPath drawn = SystemStack.as("matrix-pcc", List.of("scrutiny")).body(f.newSample(true))
                    .post(SystemStack.api() + "/assurance-samples").then().statusCode(201).extract().jsonPath();
            f.sample = drawn.getString("id");
            f.caseRef = drawn.getString("cases[0].caseRef");
            f.action = SystemStack.as("matrix-pcc", List.of("scrutiny")).body(f.newAction())
                    .post(SystemStack.api() + "/actions").then().statusCode(201).extract().path("id");
            f.rebuild = SystemStack.admin().post(SystemStack.api() + "/projection/rebuild").then().statusCode(202).extract().path("id");
            f.replay = SystemStack.admin().get(SystemStack.api() + "/projection/rebuilds/" + f.rebuild).then().statusCode(200)
                    .extract().path("replayId");
            return f;
        }

        String replay() {
            return replay;
        }

        String rebuild() {
            return rebuild;
        }

        String token(Role role) {
            return token(role, true);
        }

        /** A token of the role; for the panel, a member of the fixture's sample ({@code in}) or a member of another. */
        String token(Role role, boolean in) {
            String area = worlds.get(true)[0];
            String subject = role == Role.PANEL && !in ? "matrix-panel-outsider" : "matrix-" + role.name().toLowerCase();
            return "Bearer " + SystemStack.get().keys().token(subject, switch (role) {
                case MANAGER -> List.of("offender-manager");
                case SUPERVISOR -> List.of("supervisor");
                case INTEGRATION -> List.of("integration");
                case SCRUTINY -> List.of("scrutiny");
                case ADMIN -> List.of("admin");
                case PANEL -> List.of("panel");
            }, role == Role.MANAGER || role == Role.SUPERVISOR ? List.of(area) : List.of(), Duration.ofMinutes(60));
        }

        String area(boolean in) {
            return worlds.get(in)[0];
        }

        String manager(boolean in) {
            return ids.get(in).get("manager");
        }

        String staffNumber(boolean in) {
            return worlds.get(in)[1];
        }

        String offender(boolean in) {
            return ids.get(in).get("offender");
        }

        String pnc(boolean in) {
            return ids.get(in).get("pnc");
        }

        String visit(boolean in) {
            return ids.get(in).get("visit");
        }

        String assessment(boolean in) {
            return ids.get(in).get("assessment");
        }

        String statusChange(boolean in) {
            return ids.get(in).get("statusChange");
        }

        String notification(boolean in) {
            return ids.get(in).get("notification");
        }

        String webhook() {
            return webhook;
        }

        String snapshot() {
            return snapshot;
        }

        String sample() {
            return sample;
        }

        String caseRef() {
            return caseRef;
        }

        String action() {
            return action;
        }

        /** The thresholds' current ETag, for a PUT that is not refused as stale. */
        String thresholdsTag() {
            return SystemStack.admin().get(SystemStack.api() + "/performance-thresholds").then().statusCode(200).extract().header("ETag");
        }

        /** A sample of the in-area offenders for the panel member of the matrix ({@code in}: one naming them). */
        Map<String, Object> newSample(boolean in) {
            LocalDate yesterday = LocalDate.now(java.time.ZoneId.of("Europe/London")).minusDays(1);
            return Map.of("title", "Matrix sample " + unique("S"), "population", Map.of("from", yesterday.minusMonths(6).toString(),
                    "to", yesterday.toString(), "areaCodes", List.of(area(true))), "size", 2, "seed", "matrix",
                    "panelMembers", List.of(in ? "matrix-panel" : "matrix-panel-elsewhere"),
                    "accessFrom", yesterday.toString(), "accessUntil", yesterday.plusDays(30).toString());
        }

        Map<String, Object> newAction() {
            return Map.of("reference", unique("MXA-"), "source", "ACCOUNTABILITY_MEETING", "title", "Matrix action",
                    "description", "An action of the matrix fixture", "owner", "Head of Public Protection",
                    "dueOn", LocalDate.now().plusMonths(3).toString());
        }

        synchronized String unique(String prefix) {
            return prefix + System.nanoTime() % 1_000_000 + (++sequence);
        }

        Map<String, Object> newStaff() {
            String number = unique("MX");
            return Map.of("staffNumber", number, "name", "DC " + number, "email", number.toLowerCase() + "@force.example",
                    "role", "OFFENDER_MANAGER", "areaCode", area(true));
        }

        Map<String, Object> newOffender(boolean in) {
            return World.offenders(area(in), worlds.get(in)[1], 1).get(0);
        }

        /** A status for the offender other than their current one, effective today (so it can be recorded again and again). */
        Map<String, Object> statusToggle(boolean in) {
            String current = SystemStack.admin().get(SystemStack.api() + "/offenders/" + offender(in)).path("status");
            return Map.of("status", "IN_CUSTODY".equals(current) ? "IN_COMMUNITY" : "IN_CUSTODY",
                    "effectiveOn", LocalDate.now().toString(), "reason", "Matrix");
        }

        /** An offender to erase: a fresh one each time (the X-Justification header is required). */
        Call erasure() {
            String id = SystemStack.integration().body(Map.of("items", List.of(newOffender(true))))
                    .post(SystemStack.api() + "/offenders/batch").then().statusCode(200).extract().path("results[0].id");
            return new Call("DELETE", "/offenders/" + id, null, null, Map.of("X-Justification", "Registered in error"));
        }

        String newWebhook() {
            return SystemStack.admin().body(Map.of("url", "https://localhost:9/" + unique("h"), "eventTypes", List.of("OVERDUE"),
                    "secret", "a-secret-of-sixteen-or-more")).post(SystemStack.api() + "/webhooks").then().statusCode(201).extract().path("id");
        }

        void awaitProjection() {
            String offender = offender(true);
            SystemStack.eventually(Duration.ofSeconds(60), () -> SystemStack.queryLong("visits",
                    "select count(*) from offender_projection where offender_id = ?::uuid", offender) == 1);
        }
    }
}
