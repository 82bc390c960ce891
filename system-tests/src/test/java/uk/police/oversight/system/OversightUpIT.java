package uk.police.oversight.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.police.oversight.local.LocalStack;

/**
 * The stack exactly as a developer starts it: the `./oversight` script, `up --detach` with the demo force, the
 * headline figures through the gateway, `status`, `down`, and no process left behind. (The build step is skipped:
 * `./mvnw verify` has just built every module this runs.)
 */
class OversightUpIT {

    private static final Path REPOSITORY = Path.of(System.getProperty("oversight.repository", "..")).toAbsolutePath().normalize();
    private static final Path HOME = REPOSITORY.resolve("system-tests/target/oversight-up-" + UUID.randomUUID());
    private static final Map<String, String> ENV = new LinkedHashMap<>();
    private static String upOutput;

    @BeforeAll
    static void up() throws Exception {
        ENV.put("OVERSIGHT_HOME", HOME.toString());
        ENV.put("OVERSIGHT_SKIP_BUILD", "true");
        ENV.putAll(LocalStack.freePorts());
        OversightCli.Result up = oversight(1200, "up", "--detach");
        upOutput = up.output();
        assertEquals(0, up.status(), up.output());
    }

    @AfterAll
    static void downEvenIfATestFailed() throws Exception {
        if (Files.exists(HOME.resolve("run/state.properties"))) {
            oversight(120, "down");
        }
    }

    @Test
    void upLoadsTheDemoForceAndTheGatewayShowsItsFigures() throws Exception {
        assertTrue(upOutput.contains("217 overdue a visit (the oldest 243 days), 151 overdue a risk review"), upOutput);
        assertTrue(upOutput.contains("export SCRUTINY="), "demo tokens are printed");
        // The web app's address and the demo users who sign in to it (SPEC section 10).
        assertTrue(upOutput.contains("Web app: open http://localhost:" + ENV.get("GATEWAY_HTTP_PORT") + "/ and sign in"), upOutput);
        for (String user : List.of("BRS-M01", "BRS-S01", "inspector", "panel-member", "admin-user")) {
            assertTrue(upOutput.lines().anyMatch(l -> l.strip().startsWith(user + " ")), "demo user " + user + " is printed");
        }
        String gateway = "http://localhost:" + ENV.get("GATEWAY_HTTP_PORT") + "/api/v1";

        String supervisor = oversight(60, "token", "--sub", "it-supervisor", "--roles", "supervisor", "--areas", "BRS,NES,SOM")
                .output().strip();
        given().header("Authorization", "Bearer " + supervisor)
                .get(gateway + "/overdue-visits/summary?asOf=2022-06-30")
                .then().statusCode(200)
                .body("overdue", equalTo(217))
                .body("oldestDaysOverdue", equalTo(243))
                .body("overdueRiskReviews", equalTo(151))
                .body("byArea.size()", equalTo(3));
        // The scrutiny token printed by `up` reads the same figures, without anyone's name.
        String scrutiny = upOutput.lines().filter(l -> l.strip().startsWith("export SCRUTINY=")).findFirst().orElseThrow()
                .strip().substring("export SCRUTINY=".length());
        given().header("Authorization", "Bearer " + scrutiny)
                .get(gateway + "/overdue-visits/summary?asOf=2022-06-30")
                .then().statusCode(200).body("overdue", equalTo(217)).body("byManager", equalTo(null));
        given().header("Authorization", "Bearer " + scrutiny)
                .get(gateway + "/overdue-visits?asOf=2022-06-30")
                .then().statusCode(403);

        // The published figures later on (SPEC section 7), and the force's size by then.
        given().header("Authorization", "Bearer " + supervisor).get(gateway + "/overdue-visits/summary?asOf=2024-01-17")
                .then().statusCode(200).body("overdue", equalTo(273));
        given().header("Authorization", "Bearer " + supervisor).get(gateway + "/overdue-visits/summary?asOf=2025-02-19")
                .then().statusCode(200).body("overdue", equalTo(185));
        String admin = oversight(60, "token", "--sub", "it-admin", "--roles", "admin").output().strip();
        given().header("Authorization", "Bearer " + admin).get(gateway + "/offenders?size=1")
                .then().statusCode(200).body("totalItems", equalTo(1600));

        // The oversight layer is there at once: a month-end snapshot from January 2021 to last month, the trend through
        // the published figures, three actions (one with a closure criterion), and a sample for the demo panel member.
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London"));
        io.restassured.path.json.JsonPath trend = given().header("Authorization", "Bearer " + scrutiny)
                .get(gateway + "/compliance-trends?metric=overdue&from=2021-01-01&to=" + today).then().statusCode(200).extract().jsonPath();
        List<String> months = trend.getList("points.asOf");
        assertEquals("2021-01-31", months.get(0));
        assertEquals(java.time.YearMonth.from(today).minusMonths(1).atEndOfMonth().toString(), months.get(months.size() - 1));
        assertEquals(java.time.temporal.ChronoUnit.MONTHS.between(java.time.YearMonth.of(2021, 1), java.time.YearMonth.from(today)),
                months.size(), "one point per month");
        assertEquals(217.0, trend.getDouble("points.find { it.asOf == '2022-06-30' }.value"), 1e-9);
        assertEquals(List.of("RECONSTRUCTED"), trend.getList("points.kind").stream().distinct().toList());
        given().header("Authorization", "Bearer " + scrutiny).get(gateway + "/compliance-trends?metric=overdueRiskReviews&from=2022-06-01&to=2022-06-30")
                .then().statusCode(200).body("points[0].value", equalTo(151.0f));
        io.restassured.path.json.JsonPath actions = given().header("Authorization", "Bearer " + scrutiny)
                .get(gateway + "/actions").then().statusCode(200).extract().jsonPath();
        assertEquals(3, actions.getInt("totalItems"));
        assertEquals(1, actions.getList("items.findAll { it.closureCriterion != null }").size());
        String panel = upOutput.lines().filter(l -> l.strip().startsWith("export PANEL=")).findFirst().orElseThrow()
                .strip().substring("export PANEL=".length());
        io.restassured.path.json.JsonPath samples = given().header("Authorization", "Bearer " + panel)
                .get(gateway + "/assurance-samples").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("Bristol panel dip-sample"), samples.getList("title"));
        given().header("Authorization", "Bearer " + panel).get(gateway + "/assurance-samples/" + samples.getString("[0].id")
                + "/cases/" + samples.getString("[0].cases[0].caseRef")).then().statusCode(200).body("areaCode", equalTo("BRS"));
        given().header("Authorization", "Bearer " + scrutiny).accept("application/pdf")
                .get(gateway + "/reports/compliance?month=" + java.time.YearMonth.from(today).minusMonths(1)).then().statusCode(200);

        // Today's compliance scan ran after loading; its mails reach the mail sink.
        Awaitility.await("notifications reached the mail sink").atMost(Duration.ofSeconds(60)).until(() -> mails() > 0);

        OversightCli.Result status = oversight(60, "status");
        assertEquals(0, status.status(), status.output());
        assertTrue(status.output().contains("api-gateway"), status.output());

        // A second `up` while one runs is refused, clearly.
        OversightCli.Result again = oversight(60, "up");
        assertEquals(1, again.status());
        assertTrue(again.output().contains("already running"), again.output());

        List<Long> pids = pids();
        OversightCli.Result down = oversight(120, "down");
        assertEquals(0, down.status(), down.output());
        for (long pid : pids) {
            assertTrue(ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true), "pid " + pid + " is still running");
        }
        List<String> leftovers = ProcessHandle.allProcesses()
                .map(p -> p.info().commandLine().orElse(""))
                .filter(line -> line.contains(HOME.toString()))
                .toList();
        assertEquals(List.of(), leftovers, "no process of the stack is left");
        assertEquals(3, oversight(60, "status").status(), "status says it is not running");
    }

    private static long mails() throws IOException {
        Path directory = HOME.resolve("mail");
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        try (var files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".eml")).count();
        }
    }

    /** The launcher and every service JVM, from the state file `up` wrote. */
    private static List<Long> pids() throws IOException {
        Properties state = new Properties();
        try (var reader = Files.newBufferedReader(HOME.resolve("run/state.properties"))) {
            state.load(reader);
        }
        List<Long> pids = new ArrayList<>();
        for (String key : state.stringPropertyNames()) {
            if (key.equals("pid") || key.startsWith("child.")) {
                pids.add(Long.parseLong(state.getProperty(key)));
            }
        }
        assertEquals(8, pids.size(), "the launcher, six services and the web app: " + state);
        return pids;
    }

    private static OversightCli.Result oversight(int timeoutSeconds, String... args) throws Exception {
        return OversightCli.run(REPOSITORY, ENV, timeoutSeconds, args);
    }
}
