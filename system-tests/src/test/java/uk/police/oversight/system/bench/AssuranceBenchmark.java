package uk.police.oversight.system.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.police.oversight.local.LocalStack;

/**
 * assurance-service at national scale (issue 13): a snapshot, a sample of 50 and a month's report pack, each against
 * the call it is built on, in the same run: a snapshot against visit-scheduler's summary it freezes, a sample against
 * the community-offenders list it draws from, the pack against reading the snapshots it lays out. Run with
 * `./mvnw -B install -DskipTests && ./mvnw -B -pl system-tests verify -Pbenchmark -Dit.test=AssuranceBenchmark`.
 * Writes system-tests/target/benchmarks/assurance-OFFENDERS.md (-Dbenchmark.offenders: 70,000 by default; 7,000 and
 * 700,000 show how the cost grows).
 */
class AssuranceBenchmark {

    private static final LocalDate AS_OF = LocalDate.parse("2024-06-30");
    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 10);
    /** The scale: 70,000 offenders (the national count) unless benchmark.offenders says otherwise; areas stay 120. */
    private static final int OFFENDERS = Integer.getInteger("benchmark.offenders", NationalDataSet.OFFENDERS);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final StringBuilder report = new StringBuilder();

    @Test
    void snapshotsSamplesAndThePackAtNationalScale() throws Exception {
        try (LocalStack stack = BenchmarkStacks.quiet(Map.of());
                Connection db = DriverManager.getConnection(stack.jdbcUrl("visits"), "postgres", "")) {
            long start = System.nanoTime();
            NationalDataSet.generate(db, OFFENDERS, NationalDataSet.LAST_DAY);
            long generation = (System.nanoTime() - start) / 1_000_000;
            long offenders = count(db, "select count(*) from offender_projection");
            long visits = count(db, "select count(*) from visit");
            String admin = "Bearer " + stack.keys().token("benchmark-admin", List.of("admin"), List.of(), Duration.ofHours(2));
            String integration = "Bearer " + stack.keys().token("benchmark-integration", List.of("integration"), List.of(), Duration.ofHours(2));
            String assurance = stack.url("assurance-service") + "/api/v1";
            String visitsApi = stack.url("visit-scheduler") + "/api/v1";
            report.append("## assurance-service at national scale (").append(LocalDate.now()).append(")\n\n");
            report.append(String.format(Locale.ROOT, "Data: %,d offenders, %,d visits (generated in %.1f s); asOf %s. %d rounds after "
                    + "2 warm-up rounds, each call against its baseline alternately, straight to the services (no gateway). Machine: "
                    + "%d cores, Java %s.%n%n", offenders, visits, generation / 1000.0, AS_OF, ROUNDS,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
            report.append("| operation | median ms | p95 ms | baseline | baseline median ms | ratio (median) |\n|---|---:|---:|---|---:|---:|\n");

            measure("snapshot (RECONSTRUCTED, force-wide)",
                    () -> send("POST", assurance + "/compliance-snapshots", "{\"asOf\": \"" + AS_OF + "\"}", admin, 201),
                    "visit-scheduler's summary",
                    () -> send("GET", visitsApi + "/overdue-visits/summary?asOf=" + AS_OF, null, admin, 200));
            String sample = """
                    {"title": "Benchmark sample", "population": {"from": "2024-01-01", "to": "%s"}, "size": 50,
                     "stratifyBy": "RISK_LEVEL", "panelMembers": ["benchmark-panel"], "accessFrom": "%s", "accessUntil": "%s"}"""
                    .formatted(AS_OF, LocalDate.now(), LocalDate.now().plusDays(30));
            measure("sample of 50, stratified by risk level", () -> send("POST", assurance + "/assurance-samples", sample, admin, 201),
                    "GET /community-offenders",
                    () -> send("GET", visitsApi + "/community-offenders?asOf=" + AS_OF, null, integration, 200));
            // The pack's 13 months, one RECONSTRUCTED month end each.
            for (YearMonth m = YearMonth.from(AS_OF).minusMonths(13); !m.isAfter(YearMonth.from(AS_OF)); m = m.plusMonths(1)) {
                send("POST", assurance + "/compliance-snapshots", "{\"asOf\": \"" + m.atEndOfMonth() + "\"}", admin, 201);
            }
            String snapshots = assurance + "/compliance-snapshots?from=" + AS_OF.minusMonths(14) + "&to=" + AS_OF + "&size=500";
            for (String type : List.of("application/pdf", "text/html", "text/csv")) {
                measure("report pack, " + type, () -> sendAccepting(assurance + "/reports/compliance?month=" + YearMonth.from(AS_OF), type, admin),
                        "the snapshots it lays out", () -> send("GET", snapshots, null, admin, 200));
            }
        }
        Path out = Path.of("target/benchmarks/assurance-" + OFFENDERS + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.println(report);
    }

    interface Call {
        void run() throws Exception;
    }

    private void measure(String name, Call call, String baselineName, Call baseline) throws Exception {
        for (int i = 0; i < 2; i++) {
            call.run();
            baseline.run();
        }
        long[] times = new long[ROUNDS];
        long[] base = new long[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long t0 = System.nanoTime();
            call.run();
            long t1 = System.nanoTime();
            baseline.run();
            times[i] = t1 - t0;
            base[i] = System.nanoTime() - t1;
        }
        double median = percentile(times, 50);
        double baseMedian = percentile(base, 50);
        report.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %s | %.0f | %.2f× |%n", name, median, percentile(times, 95),
                baselineName, baseMedian, median / baseMedian));
        System.out.println(report);
    }

    private void send(String method, String url, String body, String token, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2)).header("Authorization", token)
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(expected, response.statusCode(), () -> method + " " + url + ": " + new String(response.body()));
    }

    private void sendAccepting(String url, String type, String token) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2))
                .header("Authorization", token).header("Accept", type).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), () -> url + " as " + type + ": " + new String(response.body()));
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double percentile(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
