package uk.police.oversight.system.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import uk.police.oversight.local.LocalStack;

/**
 * The compliance engine at national scale: the overdue list's first page, a filtered page, the summary and one
 * schedule, through visit-scheduler's API, each against the best hand-written SQL for the same answer, on the same
 * database, in the same run. Not part of `./mvnw verify` (a benchmark, not a test): run with
 * `./mvnw -B install -DskipTests && ./mvnw -B -pl system-tests verify -Pbenchmark`. Writes
 * system-tests/target/benchmarks/overdue-OFFENDERS.md (benchmark.offenders: 70,000 by default).
 */
class OverdueBenchmark {

    /**
     * Today, and the data set's last day: today's questions are answered from the kept due dates. The past date is as
     * far before it as 2024-06-30 was before the first data set's last day; it is answered by the computed path.
     */
    private static final LocalDate TODAY = LocalDate.now(java.time.ZoneId.of("Europe/London"));
    private static final LocalDate AS_OF = TODAY.minusDays(184);
    /** The scale: 70,000 offenders by default (the national count); 7,000 and 700,000 for the growth table. */
    private static final int OFFENDERS = Integer.getInteger("benchmark.offenders", NationalDataSet.OFFENDERS);
    /** Warm-up per case: until this many calls or this much time, so the services' code is compiled (JIT). */
    private static final int WARMUP = 300;
    private static final Duration WARMUP_TIME = Duration.ofSeconds(20);
    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 30);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final StringBuilder report = new StringBuilder();

    @Test
    void overdueQueriesAtNationalScale() throws Exception {
        try (LocalStack stack = BenchmarkStacks.quiet(Map.of("OVERSIGHT_PG_SETTINGS", "shared_preload_libraries=pg_stat_statements,"
                + "auto_explain;pg_stat_statements.track=all;logging_collector=on;log_directory=pglog;log_filename=postgresql.log"
                // Memory as a production instance sized for the data has it (PostgreSQL's 128 MB default made every query at
                // 700,000 offenders read through the OS page cache, the hand-written SQL as much as the service).
                + ";shared_buffers=1GB;work_mem=16MB"));
                Connection db = DriverManager.getConnection(stack.jdbcUrl("visits"), "postgres", "")) {
            long start = System.nanoTime();
            NationalDataSet.generate(db, OFFENDERS, TODAY);
            try (Statement sql = db.createStatement()) {
                sql.execute("vacuum analyze offender_projection"); // as autovacuum would soon after a load
            }
            long generation = (System.nanoTime() - start) / 1_000_000;
            long offenders = count(db, "select count(*) from offender_projection");
            long visits = count(db, "select count(*) from visit");
            long inScope = count(db, "select count(*) from offender_projection where status = 'IN_COMMUNITY' and management_mode = 'ACTIVE'");
            try (Statement sql = db.createStatement()) {
                sql.execute("create extension if not exists pg_stat_statements");
                sql.execute("select pg_stat_statements_reset()");
            }
            String admin = "Bearer " + stack.keys().token("benchmark-admin", List.of("admin"), List.of(), Duration.ofHours(2));
            String api = stack.url("visit-scheduler") + "/api/v1";
            String area = "A007";
            UUID offender = UUID.fromString(string(db, "select offender_id::text from offender_projection where area_code = '" + area
                    + "' and status = 'IN_COMMUNITY' and management_mode = 'ACTIVE' order by offender_id limit 1"));
            String supervisor = "Bearer " + stack.keys().token("benchmark-supervisor", List.of("supervisor"), List.of(area), Duration.ofHours(2));

            header(offenders, visits, inScope, generation);
            List<Case> cases = List.of(
                    new Case("overdue list, first page (force-wide, 50 rows), as of today",
                            () -> get(api + "/overdue-visits?asOf=" + TODAY + "&size=50", admin),
                            () -> rows(db, HandWrittenSql.KEPT_FIRST_PAGE, TODAY, TODAY, TODAY, TODAY, TODAY, TODAY)),
                    new Case("overdue list, filtered page (one area, HIGH, 30+ days), as of today",
                            () -> get(api + "/overdue-visits?asOf=" + TODAY + "&size=50&areaCode=" + area + "&riskLevel=HIGH&minDaysOverdue=30", admin),
                            () -> rows(db, HandWrittenSql.KEPT_FIRST_PAGE.replace("and o.due_on < ?", "and o.due_on < ? and o.area_code = ?"
                                    + " and o.risk_level = 'HIGH' and o.due_on <= ?::date - 30"), TODAY, TODAY, TODAY, area, TODAY, TODAY,
                                    TODAY, TODAY, area, TODAY)),
                    new Case("summary (force-wide, all breakdowns), as of today",
                            () -> get(api + "/overdue-visits/summary?asOf=" + TODAY, admin),
                            () -> rows(db, HandWrittenSql.KEPT_SUMMARY, TODAY, TODAY, TODAY, TODAY, TODAY, TODAY, TODAY)),
                    // Before: today's list and summary computing every due date per request, as the service did until issue 15.
                    new Case("overdue list, first page, as of today, against SQL computing due dates per request (before issue 15)",
                            () -> get(api + "/overdue-visits?asOf=" + TODAY + "&size=50", admin),
                            () -> rows(db, HandWrittenSql.firstPage(""), TODAY, TODAY, TODAY, TODAY, TODAY)),
                    new Case("overdue list, first page (force-wide, 50 rows), past asOf",
                            () -> get(api + "/overdue-visits?asOf=" + AS_OF + "&size=50", admin),
                            () -> rows(db, HandWrittenSql.firstPage(""), AS_OF, AS_OF, AS_OF, AS_OF, AS_OF)),
                    new Case("summary (force-wide, all breakdowns), past asOf",
                            () -> get(api + "/overdue-visits/summary?asOf=" + AS_OF, admin),
                            () -> rows(db, HandWrittenSql.summary(), AS_OF, AS_OF, AS_OF)
                                    + rows(db, HandWrittenSql.REVIEWS, AS_OF) + rows(db, HandWrittenSql.CASELOADS)),
                    new Case("one offender's schedule",
                            () -> get(api + "/schedules/" + offender + "?asOf=" + TODAY, supervisor),
                            () -> rows(db, HandWrittenSql.SCHEDULE, TODAY, offender)),
                    // The floor: a round trip to the same service that does no work (no token, no database), on its management interface.
                    new Case("(floor) GET /q/health/live against `select 1`",
                            () -> get(stack.managementUrl("visit-scheduler") + "/health/live", null),
                            () -> rows(db, "select 1")));
            report.append("| query | API median ms | API p95 ms | SQL median ms | SQL p95 ms | ratio (median) |\n");
            report.append("|---|---:|---:|---:|---:|---:|\n");
            for (Case c : cases) {
                measure(c);
                System.out.println(report);
            }
            explain(db, cases, stack.home().resolve("postgres/pglog/postgresql.log"));
        }
        Path out = Path.of("target/benchmarks/overdue-" + OFFENDERS + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.println(report);
    }

    private void header(long offenders, long visits, long inScope, long generationMs) {
        report.append("## Compliance engine at national scale (").append(LocalDate.now()).append(")\n\n");
        report.append(String.format(Locale.ROOT, "Data: %,d offenders (%,d in scope), %,d visits; generated in %.1f s. "
                        + "Today %s (the data's last day), past asOf %s. %d rounds after %d warm-up rounds, API and SQL alternating."
                        + " Machine: %d cores, %s, Java %s. SQL: the best hand-written SQL; as of today, over the due dates the projection keeps"
                        + " (and, marked before, computing them per request as the service did until issue 15); for a past asOf, computing them.%n%n",
                offenders, inScope, visits, generationMs / 1000.0, TODAY, AS_OF, ROUNDS, WARMUP,
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                System.getProperty("java.version")));
    }

    private void measure(Case c) throws Exception {
        long warmupEnd = System.nanoTime() + WARMUP_TIME.toNanos();
        for (int i = 0; i < WARMUP && System.nanoTime() < warmupEnd; i++) {
            c.api().call();
            c.sql().call();
        }
        long[] api = new long[ROUNDS];
        long[] sql = new long[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long t0 = System.nanoTime();
            c.api().call();
            long t1 = System.nanoTime();
            c.sql().call();
            long t2 = System.nanoTime();
            api[i] = t1 - t0;
            sql[i] = t2 - t1;
        }
        double apiMedian = percentile(api, 50);
        double sqlMedian = percentile(sql, 50);
        report.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f | %.2f× |%n", c.name(), apiMedian,
                percentile(api, 95), sqlMedian, percentile(sql, 95), apiMedian / sqlMedian));
    }

    /**
     * EXPLAIN of the hand-written first page, and the plans PostgreSQL actually used for the service's statements
     * (auto_explain, switched on for one call of each case).
     */
    private void explain(Connection db, List<Case> cases, Path postgresLog) throws Exception {
        report.append("\n### Plans\n\n");
        String hand = plan(db, "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + HandWrittenSql.firstPage(""), AS_OF, AS_OF, AS_OF, AS_OF, AS_OF);
        report.append("Hand-written first page, `EXPLAIN (ANALYZE, BUFFERS)`:\n\n```\n").append(hand).append("```\n\n");
        long logStart = Files.exists(postgresLog) ? Files.size(postgresLog) : 0;
        try (Statement sql = db.createStatement()) {
            sql.execute("alter system set auto_explain.log_min_duration = 0");
            sql.execute("select pg_reload_conf()");
        }
        Thread.sleep(500);
        for (Case c : cases) {
            c.api().call();
        }
        try (Statement sql = db.createStatement()) {
            sql.execute("alter system reset auto_explain.log_min_duration");
            sql.execute("select pg_reload_conf()");
        }
        Thread.sleep(500);
        String log = Files.readString(postgresLog).substring((int) logStart);
        List<String> plans = new ArrayList<>();
        for (String entry : log.split("(?m)^(?=\\S.*LOG:  duration: )")) {
            if (entry.contains("Query Text:") && (entry.contains("offender_projection") || entry.contains("offender_figures") || entry.contains("from visit"))
                    && !entry.contains("alter system")) {
                plans.add(entry.strip());
            }
        }
        if (plans.isEmpty()) {
            throw new AssertionError("auto_explain recorded no plan; the log said:\n" + log.substring(0, Math.min(4000, log.length())));
        }
        report.append("Plans PostgreSQL used for the service's statements during one call of each case (auto_explain):\n\n```\n")
                .append(String.join("\n\n", plans)).append("\n```\n\n");
        plans.add(hand);
        for (String plan : plans) {
            assertFalse(plan.matches("(?s).*Seq Scan on visit\\b(?!_).*"), "a plan scans the whole visit table:\n" + plan);
        }
        report.append("No plan scans the visit table: every visit lookup is an index probe per offender.\n");
    }

    private static String plan(Connection db, String explain, Object... params) throws SQLException {
        StringBuilder plan = new StringBuilder();
        if (params.length == 0) {
            try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(explain)) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
        try (PreparedStatement statement = db.prepareStatement(explain)) {
            bind(statement, params);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
        }
        return plan.toString();
    }

    private int get(String url, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), () -> url + ": " + new String(response.body()));
        return response.body().length;
    }

    private static int rows(Connection db, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            bind(statement, params);
            int rows = 0;
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows++;
                }
            }
            return rows;
        }
    }

    private static void bind(PreparedStatement statement, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object value = params[i] instanceof LocalDate date ? Date.valueOf(date) : params[i];
            statement.setObject(i + 1, value);
        }
    }

    private static long count(Connection db, String sql) throws SQLException {
        return Long.parseLong(string(db, sql));
    }

    private static String string(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static double percentile(long[] nanos, int percentile) {
        long[] sorted = Arrays.copyOf(nanos, nanos.length);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1_000_000.0;
    }

    private record Case(String name, Callable<Integer> api, Callable<Integer> sql) {
    }
}
