package uk.police.oversight.system.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import uk.police.oversight.local.LocalStack;
import uk.police.oversight.system.SystemStack;

/**
 * The national-scale load test: the whole stack as `./oversight up` runs it, 70,000 offenders imported through the
 * gateway's batch API (timed against PostgreSQL COPY of the same rows), about 1,000,000 visits, then mixed traffic
 * through the gateway with wrk ({@code src/test/resources/load/replay.lua}) at increasing concurrency: managers reading
 * records and schedules and recording visits, supervisors paging overdue lists and summaries, an integrator sending
 * batches. Reports throughput, p50/p95/p99 and every non-2xx answer per kind of user and level, and where the knee is.
 * Needs {@code wrk} (Debian: apt-get install wrk). Run with -Pbenchmark -Dit.test=LoadBenchmark; writes
 * target/benchmarks/load.md.
 */
class LoadBenchmark {

    private static final int AREAS = 120;
    private static final int MANAGERS = 1_400;
    private static final int OFFENDERS = Integer.getInteger("benchmark.offenders", 70_000);
    private static final int[] LEVELS = Arrays.stream(System.getProperty("benchmark.levels", "4,8,16,32,64").split(","))
            .mapToInt(Integer::parseInt).toArray();
    private static final String DURATION = System.getProperty("benchmark.duration", "20s");
    private static final LocalDate AS_OF = LocalDate.parse("2024-06-30");
    private static final Pattern RESULT = Pattern.compile("RESULT requests=(\\d+) duration_us=(\\d+) p50=(\\d+) p95=(\\d+) p99=(\\d+) "
            + "max=(\\d+) non2xx=(\\d+) socket_errors=(\\d+) statuses=(\\S*)");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final StringBuilder report = new StringBuilder();

    /** One wrk run's figures. */
    record Run(String kind, int connections, long requests, double seconds, double p50, double p95, double p99, long failures,
            String statuses) {
        double throughput() {
            return requests / seconds;
        }
    }

    @Test
    void mixedTrafficThroughTheGatewayAtNationalScale() throws Exception {
        GatewayBenchmark.requireOnPath("wrk");
        Path repository = Path.of(System.getProperty("oversight.repository", "..")).toAbsolutePath().normalize();
        Map<String, String> env = LocalStack.freePorts();
        env.put("COMPLIANCE_SCAN_CRON", "off");
        env.put("DIGEST_CRON", "off");
        env.put("GATEWAY_RATE_LIMIT_ENABLED", "false");
        Path home = repository.resolve("system-tests/target/load-" + UUID.randomUUID());
        Path work = Files.createDirectories(home.resolve("load"));
        try (LocalStack stack = LocalStack.start(new LocalStack.Options(repository, home, env, false, System.out));
                Connection offenderDb = DriverManager.getConnection(stack.jdbcUrl("offender"), "postgres", "");
                Connection visitsDb = DriverManager.getConnection(stack.jdbcUrl("visits"), "postgres", "")) {
            String gateway = stack.url("api-gateway");
            String api = gateway + "/api/v1";
            String admin = "Bearer " + stack.keys().token("load-admin", List.of("admin"), List.of(), Duration.ofHours(3));
            String integration = "Bearer " + stack.keys().token("load-integration", List.of("integration"), List.of(), Duration.ofHours(3));

            long started = System.nanoTime();
            staff(api, admin);
            double staffSeconds = seconds(started);

            // Import through the gateway, 1,000 offenders a batch, as a force's records system would send them: a
            // warm-up (not reported), then with visit-scheduler and notification-service consuming the registrations
            // on the same two cores, then with them stopped (the import's own cost), after which they catch up.
            int warmUp = OFFENDERS / 7 / 1_000 * 1_000;
            int withConsumers = (OFFENDERS - warmUp) / 2 / 1_000 * 1_000;
            importBatches(api, integration, 0, warmUp);
            started = System.nanoTime();
            importBatches(api, integration, warmUp, warmUp + withConsumers);
            double withConsumersSeconds = seconds(started);
            stack.stop("visit-scheduler");
            stack.stop("notification-service");
            started = System.nanoTime();
            importBatches(api, integration, warmUp + withConsumers, OFFENDERS);
            double aloneSeconds = seconds(started);
            int alone = OFFENDERS - warmUp - withConsumers;
            started = System.nanoTime();
            Duration visitSchedulerStart = stack.start("visit-scheduler");
            Duration notificationStart = stack.start("notification-service");
            assertTrue(SystemStack.eventually(Duration.ofMinutes(10), () -> count(visitsDb, "select count(*) from offender_projection where area_code like 'N%'")
                    == OFFENDERS), "every registration reaches visit-scheduler");
            double catchUpSeconds = seconds(started);
            double copySeconds = copyBaseline(offenderDb, true);
            double copyWithoutKeysSeconds = copyBaseline(offenderDb, false);
            try (Statement sql = visitsDb.createStatement()) {
                sql.execute("select setseed(0.7)");
            }
            started = System.nanoTime();
            NationalDataSet.visits(visitsDb);
            double visitSeconds = seconds(started);
            long visits = count(visitsDb, "select count(*) from visit");

            report.append("## Load: mixed traffic through the gateway at national scale\n\n");
            report.append(String.format(Locale.ROOT, "Machine: %d cores, %s %s, Java %s; every service a JVM of the packaged application"
                            + " (-Xmx384m -XX:+UseSerialGC, as ./oversight up), embedded PostgreSQL 17 and Artemis, wrk on the same machine.%n%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"),
                    System.getProperty("java.version")));
            report.append(String.format(Locale.ROOT, "- %d areas, %d managers and %d supervisors created through the gateway in %.1f s.%n",
                    AREAS, MANAGERS, AREAS, staffSeconds));
            double copyPerOffender = copySeconds / OFFENDERS;
            double bareCopyPerOffender = copyWithoutKeysSeconds / OFFENDERS;
            report.append(String.format(Locale.ROOT, "- PostgreSQL `COPY` of the %,d imported rows into a table like `offender` (same indexes, "
                            + "checks and foreign keys): %.2f s, %.0f µs an offender (without the two foreign keys: %.2f s, %.0f µs).%n",
                    OFFENDERS, copySeconds, copyPerOffender * 1e6, copyWithoutKeysSeconds, bareCopyPerOffender * 1e6));
            report.append(String.format(Locale.ROOT, "- **Import, consumers stopped** (the batch API's own cost: parse, validate, write the offender, "
                            + "its history, its event and the audit entry): %,d offenders in %.1f s (%.0f offenders/s, %.0f µs each): "
                            + "**%.1f× `COPY`** (%.1f× the `COPY` without foreign keys).%n", alone, aloneSeconds, alone / aloneSeconds,
                    aloneSeconds / alone * 1e6, aloneSeconds / alone / copyPerOffender, aloneSeconds / alone / bareCopyPerOffender));
            report.append(String.format(Locale.ROOT, "- **Import, consumers running** on the same two cores (visit-scheduler and "
                            + "notification-service taking each registration as it is published): %,d offenders in %.1f s (%.0f offenders/s, "
                            + "%.0f µs each): **%.1f× `COPY`** (%.1f× without foreign keys).%n", withConsumers, withConsumersSeconds,
                    withConsumers / withConsumersSeconds, withConsumersSeconds / withConsumers * 1e6,
                    withConsumersSeconds / withConsumers / copyPerOffender, withConsumersSeconds / withConsumers / bareCopyPerOffender));
            report.append(String.format(Locale.ROOT, "- After the import the two consumers were started again; every one of the %,d registrations "
                    + "was in visit-scheduler's projection %.1f s later (the %,d queued while they were stopped, at %.0f a second, start-up included; "
                    + "JVM launch to ready: visit-scheduler %.1f s, notification-service %.1f s, one after the other).%n",
                    OFFENDERS, catchUpSeconds, alone, alone / catchUpSeconds, visitSchedulerStart.toMillis() / 1000.0,
                    notificationStart.toMillis() / 1000.0));
            report.append(String.format(Locale.ROOT, "- %,d historic visits written straight into visit-scheduler's table in %.1f s (the "
                    + "`NationalDataSet` generator, for speed; the visit batch API's own rate is in docs/benchmarks.md).%n%n", visits, visitSeconds));

            // The users: ten areas' managers and supervisors, and one integrator.
            List<String> areas = new ArrayList<>();
            for (int a = 0; a < 10; a++) {
                areas.add(area(a));
            }
            String manager = "Bearer " + stack.keys().token("load-manager", List.of("offender-manager"), areas, Duration.ofHours(3));
            String supervisor = "Bearer " + stack.keys().token("load-supervisor", List.of("supervisor"), areas, Duration.ofHours(3));
            List<String> ids = strings(visitsDb, "select offender_id::text from offender_projection where area_code in ('"
                    + String.join("','", areas) + "') order by offender_id");
            Path managers = writeRequests(work.resolve("managers.tsv"), managerRequests(ids));
            Path supervisors = writeRequests(work.resolve("supervisors.tsv"), supervisorRequests(areas));
            Path integrators = writeRequests(work.resolve("integrators.tsv"), integratorRequests());
            Path script = work.resolve("replay.lua");
            try (var in = LoadBenchmark.class.getResourceAsStream("/load/replay.lua")) {
                Files.write(script, in.readAllBytes());
            }

            // Warm-up (JIT), not reported.
            level(gateway, script, 4, "10s", managers, manager, supervisors, supervisor, integrators, integration);
            List<List<Run>> levels = new ArrayList<>();
            for (int connections : LEVELS) {
                levels.add(level(gateway, script, connections, DURATION, managers, manager, supervisors, supervisor, integrators, integration));
                System.out.println(levels.get(levels.size() - 1));
            }
            table(levels);
        }
        Path out = Path.of("target/benchmarks/load.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.println(report);
    }

    /** Imports offenders {@code from} to {@code to} in batches of 1,000; every item must be created. */
    private void importBatches(String api, String integration, int from, int to) throws Exception {
        for (int first = from; first < to; first += 1_000) {
            String body = "{\"items\": [" + String.join(",", offenders(first, Math.min(to, first + 1_000))) + "]}";
            HttpResponse<String> answer = send("POST", api + "/offenders/batch", integration, body);
            assertEquals(200, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("\"rejected\":0"), answer.body().substring(0, Math.min(500, answer.body().length())));
        }
    }

    /** One level: managers (half the connections), supervisors (three eighths) and an integrator (the rest), at once. */
    private List<Run> level(String gateway, Path script, int connections, String duration, Path managers, String manager,
            Path supervisors, String supervisor, Path integrators, String integration) throws Exception {
        int managerConnections = Math.max(1, connections / 2);
        int supervisorConnections = Math.max(1, connections * 3 / 8);
        int integratorConnections = Math.max(1, connections - managerConnections - supervisorConnections);
        ExecutorService runs = Executors.newFixedThreadPool(3);
        try {
            Future<Run> a = runs.submit(() -> wrk("managers", gateway, script, managerConnections, duration, managers, manager));
            Future<Run> b = runs.submit(() -> wrk("supervisors", gateway, script, supervisorConnections, duration, supervisors, supervisor));
            Future<Run> c = runs.submit(() -> wrk("integrator", gateway, script, integratorConnections, duration, integrators, integration));
            return List.of(a.get(), b.get(), c.get());
        } finally {
            runs.shutdownNow();
        }
    }

    private static Run wrk(String kind, String gateway, Path script, int connections, String duration, Path requests, String authorization)
            throws Exception {
        Process process = new ProcessBuilder("wrk", "-t" + Math.min(2, connections), "-c" + connections, "-d" + duration, "--timeout", "30s",
                "-s", script.toString(), gateway, "--", requests.toString(), authorization).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), output);
        Matcher result = RESULT.matcher(output);
        assertTrue(result.find(), output);
        return new Run(kind, connections, Long.parseLong(result.group(1)), Long.parseLong(result.group(2)) / 1e6,
                Long.parseLong(result.group(3)) / 1000.0, Long.parseLong(result.group(4)) / 1000.0, Long.parseLong(result.group(5)) / 1000.0,
                Long.parseLong(result.group(7)) + Long.parseLong(result.group(8)), result.group(9));
    }

    private void table(List<List<Run>> levels) {
        report.append(String.format(Locale.ROOT, "Each level runs %s; a warm-up level of 10 s runs first. Latencies in ms.%n%n", DURATION));
        report.append("| connections | kind | requests/s | p50 | p95 | p99 | non-2xx or socket errors |\n|---:|---|---:|---:|---:|---:|---:|\n");
        double previousThroughput = 0;
        double previousP99 = 0;
        String knee = null;
        for (List<Run> level : levels) {
            int total = level.stream().mapToInt(Run::connections).sum();
            for (Run run : level) {
                report.append(String.format(Locale.ROOT, "| %d | %s (%d) | %.1f | %.1f | %.1f | %.1f | %d%s |%n", total, run.kind(), run.connections(),
                        run.throughput(), run.p50(), run.p95(), run.p99(), run.failures(), run.statuses().isEmpty() ? "" : " (" + run.statuses() + ")"));
            }
            double throughput = level.stream().mapToDouble(Run::throughput).sum();
            double worstP99 = level.stream().mapToDouble(Run::p99).max().orElse(0);
            report.append(String.format(Locale.ROOT, "| %d | **all** | **%.1f** | | | **%.1f** (worst) | %d |%n", total, throughput, worstP99,
                    level.stream().mapToLong(Run::failures).sum()));
            if (knee == null && previousThroughput > 0 && throughput < previousThroughput * 1.1 && worstP99 > previousP99 * 1.5) {
                knee = String.format(Locale.ROOT, "between %d and %d connections: throughput %.1f → %.1f requests/s while the worst p99 went "
                        + "%.1f → %.1f ms", total / 2, total, previousThroughput, throughput, previousP99, worstP99);
            }
            previousThroughput = throughput;
            previousP99 = worstP99;
        }
        long failures = levels.stream().flatMap(List::stream).mapToLong(Run::failures).sum();
        report.append(String.format(Locale.ROOT, "%n**Errors:** %d non-2xx answers or socket errors in all levels.%n", failures));
        report.append("**Knee:** ").append(knee == null ? "not reached at these levels (throughput still grew by 10% or more, or p99 held)" : knee)
                .append(".\n");
    }

    /** Areas N000…N119, 1,400 managers spread over them, a supervisor in each: through the gateway, four at a time. */
    private void staff(String api, String admin) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int a = 0; a < AREAS; a++) {
                HttpResponse<String> answer = send("POST", api + "/areas", admin, "{\"code\": \"" + area(a) + "\", \"name\": \"National area "
                        + a + "\"}");
                assertEquals(201, answer.statusCode(), answer.body());
            }
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int m = 0; m < MANAGERS + AREAS; m++) {
                boolean supervisor = m >= MANAGERS;
                String number = supervisor ? "NS" + (m - MANAGERS) : "NM" + m;
                String body = "{\"staffNumber\": \"" + number + "\", \"name\": \"" + (supervisor ? "DS " : "DC ") + number + "\", \"email\": \""
                        + number.toLowerCase(Locale.ROOT) + "@force.example\", \"role\": \"" + (supervisor ? "SUPERVISOR" : "OFFENDER_MANAGER")
                        + "\", \"areaCode\": \"" + area(supervisor ? m - MANAGERS : m % AREAS) + "\"}";
                futures.add(pool.submit(() -> send("POST", api + "/staff", admin, body)));
            }
            for (Future<HttpResponse<String>> future : futures) {
                assertEquals(201, future.get().statusCode(), future.get().body());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Offenders {@code from} to {@code to}: the national risk mix, registered 2010–2023, each with a manager of their area. */
    private static List<String> offenders(int from, int to) {
        List<String> items = new ArrayList<>();
        for (int i = from; i < to; i++) {
            int year = 2000 + i % 20;
            int serial = 500_000 + i;
            long number = Long.parseLong(String.format("%02d%07d", year % 100, serial));
            String pnc = String.format("%04d/%07d%c", year, serial, "ZABCDEFGHJKLMNPQRTUVWXY".charAt((int) (number % 23)));
            int mix = Math.floorMod(i * 7_919, 1_000);
            String risk = mix < 20 ? "VERY_HIGH" : mix < 200 ? "HIGH" : mix < 500 ? "MEDIUM" : "LOW";
            int manager = i % MANAGERS;
            LocalDate registered = LocalDate.of(2010, 1, 1).plusDays(Math.floorMod(i * 31L, 5_100));
            items.add("{\"pncId\": \"" + pnc + "\", \"firstName\": \"Sam\", \"lastName\": \"National" + i + "\", \"dateOfBirth\": \"1975-05-05\", "
                    + "\"address\": {\"line1\": \"" + (1 + i % 200) + " Any Street\", \"town\": \"Anytown\", \"postcode\": \"AB1 2CD\"}, "
                    + "\"mappaCategory\": " + (1 + i % 3) + ", \"mappaLevel\": 1, \"riskLevel\": \"" + risk + "\", \"areaCode\": \""
                    + area(manager % AREAS) + "\", \"managerStaffNumber\": \"NM" + manager + "\", \"registeredOn\": \"" + registered + "\"}");
        }
        return items;
    }

    /** Managers read records (60%) and schedules (25%) and record visits (15%) for offenders of their areas. */
    private static List<String> managerRequests(List<String> offenders) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            String id = offenders.get(Math.floorMod(i * 7_919, offenders.size()));
            int kind = i % 20;
            if (kind < 12) {
                lines.add("GET\t/api/v1/offenders/" + id);
            } else if (kind < 17) {
                lines.add("GET\t/api/v1/schedules/" + id + "?asOf=" + AS_OF);
            } else {
                lines.add("POST\t/api/v1/visits\t{\"offenderId\": \"" + id + "\", \"visitDate\": \"" + LocalDate.of(2024, 7, 1).plusDays(i % 180)
                        + "\", \"type\": \"HOME_VISIT\", \"outcome\": \"COMPLETED\", \"announced\": false}");
            }
        }
        return lines;
    }

    /** Supervisors page their areas' overdue lists (90%: the first four pages, most overdue first) and read the summary (10%). */
    private static List<String> supervisorRequests(List<String> areas) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String area = areas.get(i % areas.size());
            lines.add(i % 10 == 9 ? "GET\t/api/v1/overdue-visits/summary?asOf=" + AS_OF + "&areaCode=" + area
                    : "GET\t/api/v1/overdue-visits?asOf=" + AS_OF + "&areaCode=" + area + "&size=50&page=" + (i / 10) % 4);
        }
        return lines;
    }

    /** An integrator sends batches of 100: new offenders the first time round, unchanged ones (idempotent) after. */
    private static List<String> integratorRequests() {
        List<String> lines = new ArrayList<>();
        for (int b = 0; b < 50; b++) {
            int from = 1_000_000 + b * 100;
            lines.add("POST\t/api/v1/offenders/batch\t{\"items\": [" + String.join(",", offenders(from, from + 100)) + "]}");
        }
        return lines;
    }

    /**
     * PostgreSQL COPY of the imported rows into an empty table like offender's (same indexes, checks and defaults),
     * with the table's foreign keys to area and staff when {@code foreignKeys}; answers the seconds COPY took.
     */
    private static double copyBaseline(Connection db, boolean foreignKeys) throws Exception {
        try (Statement sql = db.createStatement()) {
            // LIKE copies indexes, checks and defaults but not foreign keys, which offender has (area, manager).
            sql.execute("create table offender_copy (like offender including all)");
            if (foreignKeys) {
                sql.execute("alter table offender_copy add foreign key (area_code) references area (code),"
                        + " add foreign key (manager_id) references staff (id)");
            }
        }
        ByteArrayOutputStream rows = new ByteArrayOutputStream();
        PGConnection pg = db.unwrap(PGConnection.class);
        pg.getCopyAPI().copyOut("copy (select * from offender where area_code like 'N%') to stdout", rows);
        long started = System.nanoTime();
        long copied = pg.getCopyAPI().copyIn("copy offender_copy from stdin", new ByteArrayInputStream(rows.toByteArray()));
        double seconds = seconds(started);
        assertEquals(OFFENDERS, copied);
        try (Statement sql = db.createStatement()) {
            sql.execute("drop table offender_copy");
        }
        return seconds;
    }

    private static String area(int index) {
        return String.format("N%03d", index);
    }

    private static Path writeRequests(Path file, List<String> lines) throws Exception {
        return Files.write(file, lines);
    }

    private HttpResponse<String> send(String method, String url, String authorization, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization).header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(5)).method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long count(Connection db, String sql) {
        try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> strings(Connection db, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
