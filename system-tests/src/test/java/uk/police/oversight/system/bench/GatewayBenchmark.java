package uk.police.oversight.system.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import uk.police.oversight.local.LocalStack;

/**
 * What the gateway costs: the same GET straight to offender-service, through the api-gateway, and through nginx
 * configured as a plain reverse proxy in front of the same service, measured side by side in one run with wrk. Needs
 * {@code nginx} and {@code wrk} on the PATH (Debian: {@code apt-get install nginx wrk}). Not part of `./mvnw verify`:
 * run with {@code ./mvnw -B install -DskipTests && ./mvnw -B -pl system-tests verify -Pbenchmark
 * -Dit.test=GatewayBenchmark}. Writes system-tests/target/benchmarks/gateway.md.
 */
class GatewayBenchmark {

    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 3);
    private static final String DURATION = System.getProperty("benchmark.duration", "10s");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|99)%\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);
    private static final Pattern THROUGHPUT = Pattern.compile("^Requests/sec:\\s+([0-9.]+)", Pattern.MULTILINE);

    private final HttpClient http = HttpClient.newHttpClient();

    /** One wrk run's figures: median and 99th percentile latency in ms, requests per second. */
    record Run(double p50, double p99, double rps) {
    }

    @Test
    void gatewayAgainstDirectAndNginx() throws Exception {
        requireOnPath("nginx");
        requireOnPath("wrk");
        Path repository = Path.of(System.getProperty("oversight.repository", "..")).toAbsolutePath().normalize();
        Path home = repository.resolve("system-tests/target/benchmark-gateway-" + UUID.randomUUID());
        int nginxPort = LocalStack.freePort();
        Map<String, String> env = LocalStack.freePorts();
        // The limiter stays on (its cost is part of the gateway's) but high enough never to refuse the load.
        env.put("GATEWAY_RATE_LIMIT_PER_MINUTE", "100000000");
        env.put("GATEWAY_RATE_LIMIT_BURST", "10000000");
        env.put("COMPLIANCE_SCAN_CRON", "off");
        env.put("DIGEST_CRON", "off");
        try (LocalStack stack = LocalStack.start(new LocalStack.Options(repository, home, env, false, System.out))) {
            String admin = "Bearer " + stack.keys().token("benchmark-admin", List.of("admin"), List.of(), Duration.ofHours(2));
            String manager = "Bearer " + stack.keys().token("benchmark-manager", List.of("offender-manager"), List.of("BEN"),
                    Duration.ofHours(2));
            String offenderId = seed(stack.url("api-gateway") + "/api/v1", admin);
            Process nginx = startNginx(home.resolve("nginx"), nginxPort, stack.port("offender-service"));
            try {
                Map<String, String> targets = new LinkedHashMap<>();
                targets.put("direct to offender-service", stack.url("offender-service"));
                targets.put("through api-gateway", stack.url("api-gateway"));
                targets.put("through nginx", "http://127.0.0.1:" + nginxPort);
                Map<String, String[]> endpoints = new LinkedHashMap<>();
                endpoints.put("GET /api/v1/offenders/{id} (a manager reads a record; audited)",
                        new String[] {"/api/v1/offenders/" + offenderId, manager});
                endpoints.put("GET /api/v1/areas (admin; no personal data)", new String[] {"/api/v1/areas", admin});
                StringBuilder report = new StringBuilder();
                report.append(String.format(Locale.ROOT, "%d rounds of %s per case, targets in rotating order; wrk -t1 -c1 "
                        + "(one request at a time: latency) and wrk -t2 -c16 (throughput). Machine: %d cores, %s %s, Java %s.%n%n",
                        ROUNDS, DURATION, Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                        System.getProperty("os.arch"), System.getProperty("java.version")));
                for (var endpoint : endpoints.entrySet()) {
                    report.append(measure(endpoint.getKey(), endpoint.getValue()[0], endpoint.getValue()[1], targets));
                }
                Path out = Path.of("target/benchmarks/gateway.md");
                Files.createDirectories(out.getParent());
                Files.writeString(out, report.toString());
                System.out.println(report);
            } finally {
                nginx.destroy();
                nginx.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private String measure(String title, String path, String authorization, Map<String, String> targets) throws Exception {
        List<String> names = new ArrayList<>(targets.keySet());
        for (String name : names) {
            wrk(targets.get(name) + path, authorization, 4, 8, "10s");
        }
        Map<String, List<Run>> latency = new LinkedHashMap<>();
        Map<String, List<Run>> throughput = new LinkedHashMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < names.size(); i++) {
                String name = names.get((i + round) % names.size());
                latency.computeIfAbsent(name, n -> new ArrayList<>()).add(wrk(targets.get(name) + path, authorization, 1, 1, DURATION));
                throughput.computeIfAbsent(name, n -> new ArrayList<>()).add(wrk(targets.get(name) + path, authorization, 2, 16, DURATION));
            }
        }
        String direct = names.get(0);
        String gateway = names.get(1);
        String nginx = names.get(2);
        StringBuilder table = new StringBuilder("### " + title + "\n\n");
        table.append("| path | p50 ms (c1) | p99 ms (c1) | req/s (c1) | p50 ms (c16) | p99 ms (c16) | req/s (c16) |\n");
        table.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (String name : names) {
            table.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.0f | %.2f | %.2f | %.0f |%n", name,
                    median(latency.get(name), Run::p50), median(latency.get(name), Run::p99), median(latency.get(name), Run::rps),
                    median(throughput.get(name), Run::p50), median(throughput.get(name), Run::p99),
                    median(throughput.get(name), Run::rps)));
        }
        double directP50 = median(latency.get(direct), Run::p50);
        double gatewayP50 = median(latency.get(gateway), Run::p50);
        double nginxP50 = median(latency.get(nginx), Run::p50);
        double directRps = median(throughput.get(direct), Run::rps);
        double gatewayRps = median(throughput.get(gateway), Run::rps);
        double nginxRps = median(throughput.get(nginx), Run::rps);
        table.append(String.format(Locale.ROOT, "%n- latency (p50, c1): gateway %.2f× direct, nginx %.2f× direct; overhead over "
                        + "direct: gateway %.3f ms, nginx %.3f ms, gateway/nginx %.2f×%n", gatewayP50 / directP50, nginxP50 / directP50,
                gatewayP50 - directP50, nginxP50 - directP50, (gatewayP50 - directP50) / (nginxP50 - directP50)));
        table.append(String.format(Locale.ROOT, "- throughput (c16): gateway %.2f× direct's cost per request (%.0f vs %.0f req/s), "
                + "nginx %.2f×%n%n", directRps / gatewayRps, gatewayRps, directRps, directRps / nginxRps));
        return table.toString();
    }

    private static double median(List<Run> runs, java.util.function.ToDoubleFunction<Run> figure) {
        double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
        return values.length % 2 == 1 ? values[values.length / 2] : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }

    private static Run wrk(String url, String authorization, int threads, int connections, String duration) throws Exception {
        Process process = new ProcessBuilder("wrk", "-t" + threads, "-c" + connections, "-d" + duration, "--latency",
                "-H", "Authorization: " + authorization, url).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), output);
        assertTrue(!output.contains("Non-2xx or 3xx responses") && !output.contains("Socket errors"),
                "every answer must be a 2xx for the figures to mean anything:\n" + output);
        Map<String, Double> percentiles = new LinkedHashMap<>();
        Matcher matcher = PERCENTILE.matcher(output);
        while (matcher.find()) {
            double value = Double.parseDouble(matcher.group(2));
            percentiles.put(matcher.group(1), switch (matcher.group(3)) {
                case "us" -> value / 1000;
                case "s" -> value * 1000;
                default -> value;
            });
        }
        Matcher rps = THROUGHPUT.matcher(output);
        assertTrue(rps.find() && percentiles.size() == 2, output);
        return new Run(percentiles.get("50"), percentiles.get("99"), Double.parseDouble(rps.group(1)));
    }

    /** One area, one manager and one offender, through the gateway. */
    private String seed(String api, String admin) throws Exception {
        post(api + "/areas", admin, "{\"code\": \"BEN\", \"name\": \"Benchmark\"}");
        post(api + "/staff", admin, "{\"staffNumber\": \"BEN-1\", \"name\": \"DC Bench\", \"email\": \"bench@force.example\", "
                + "\"role\": \"OFFENDER_MANAGER\", \"areaCode\": \"BEN\"}");
        String offender = post(api + "/offenders", admin, "{\"pncId\": \"79/163001B\", \"firstName\": \"Jordan\", \"lastName\": "
                + "\"Hale\", \"dateOfBirth\": \"1979-04-12\", \"address\": {\"line1\": \"14 Harbour Row\", \"town\": \"Bristol\", "
                + "\"postcode\": \"BS8 4RN\"}, \"mappaCategory\": 1, \"mappaLevel\": 1, \"riskLevel\": \"HIGH\", \"areaCode\": \"BEN\", "
                + "\"managerStaffNumber\": \"BEN-1\", \"registeredOn\": \"2019-03-01\"}");
        Matcher id = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(offender);
        assertTrue(id.find(), offender);
        return id.group(1);
    }

    private String post(String url, String authorization, String json) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), response.body());
        return response.body();
    }

    /** nginx as a plain reverse proxy: keep-alive to the upstream, no caching, no buffering of small answers changed. */
    private static Process startNginx(Path prefix, int port, int upstreamPort) throws Exception {
        Files.createDirectories(prefix.resolve("logs"));
        Files.createDirectories(prefix.resolve("temp"));
        Files.writeString(prefix.resolve("nginx.conf"), """
                worker_processes auto;
                error_log logs/error.log warn;
                pid logs/nginx.pid;
                events { worker_connections 1024; }
                http {
                    access_log off;
                    client_body_temp_path temp/body;
                    proxy_temp_path temp/proxy;
                    fastcgi_temp_path temp/fastcgi;
                    uwsgi_temp_path temp/uwsgi;
                    scgi_temp_path temp/scgi;
                    upstream offender_service {
                        server 127.0.0.1:%d;
                        keepalive 32;
                    }
                    server {
                        listen 127.0.0.1:%d;
                        location / {
                            proxy_pass http://offender_service;
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                            proxy_set_header Host $host;
                            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        }
                    }
                }
                """.formatted(upstreamPort, port));
        Process process = new ProcessBuilder("nginx", "-p", prefix.toString(), "-c", "nginx.conf", "-g", "daemon off; user root;")
                .redirectErrorStream(true).redirectOutput(prefix.resolve("logs/stdout.log").toFile()).start();
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/live")).build(),
                        HttpResponse.BodyHandlers.discarding());
                return process;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        process.destroy();
        throw new IllegalStateException("nginx did not start; see " + prefix.resolve("logs"));
    }

    static void requireOnPath(String command) {
        boolean found = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
        assertTrue(found, command + " is not installed; on Debian: apt-get install nginx wrk");
    }
}
