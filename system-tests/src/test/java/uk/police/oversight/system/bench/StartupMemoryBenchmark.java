package uk.police.oversight.system.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import uk.police.oversight.local.LocalStack;

/**
 * How fast each service starts and how much memory it holds when idle (SPEC section 8: under 3 s, under 300 MB RSS).
 * Starts the whole local stack several times on the same data: the first time all four services start at once (each
 * one's own "started in" figure from its log); each later time, every service is then restarted alone while the
 * others idle, timed from launching its JVM to its readiness check answering; after a quiet minute each JVM's
 * resident set is read from /proc. Not part of `./mvnw verify`: run with {@code ./mvnw -B install -DskipTests && ./mvnw -B -pl system-tests
 * verify -Pbenchmark -Dit.test=StartupMemoryBenchmark}. Writes system-tests/target/benchmarks/startup-memory.md.
 */
class StartupMemoryBenchmark {

    private static final int STARTS = Integer.getInteger("benchmark.starts", 4);
    private static final long IDLE_SECONDS = Long.getLong("benchmark.idle-seconds", 60);
    private static final Pattern STARTED = Pattern.compile("started in ([0-9.]+)s");
    private static final Pattern RSS = Pattern.compile("^VmRSS:\\s+(\\d+) kB", Pattern.MULTILINE);

    @Test
    void eachServiceStartsAndIdles() throws Exception {
        Path repository = Path.of(System.getProperty("oversight.repository", "..")).toAbsolutePath().normalize();
        Path home = repository.resolve("system-tests/target/benchmark-startup-" + UUID.randomUUID());
        Map<String, String> env = LocalStack.freePorts();
        Map<String, List<Double>> startedIn = new LinkedHashMap<>();
        Map<String, List<Long>> rssMb = new LinkedHashMap<>();
        Map<String, List<Double>> alone = new LinkedHashMap<>();
        for (int run = 0; run < STARTS; run++) {
            Map<String, Integer> linesBefore = new LinkedHashMap<>();
            for (String service : List.of("offender-service", "visit-scheduler", "notification-service", "api-gateway")) {
                Path log = home.resolve("logs/" + service + ".log");
                linesBefore.put(service, Files.exists(log) ? Files.readAllLines(log).size() : 0);
            }
            try (LocalStack stack = LocalStack.start(new LocalStack.Options(repository, home, env, true, System.out))) {
                if (run > 0) {
                    // A start on its own, the rest of the stack idle: as a rolling restart or a scale-up would be.
                    for (String service : stack.serviceNames()) {
                        alone.computeIfAbsent(service, k -> new ArrayList<>())
                                .add(stack.restart(service).toMillis() / 1000.0);
                    }
                }
                Thread.sleep(IDLE_SECONDS * 1000);
                for (Map.Entry<String, Long> service : stack.servicePids().entrySet()) {
                    String status = Files.readString(Path.of("/proc/" + service.getValue() + "/status"));
                    Matcher rss = RSS.matcher(status);
                    assertTrue(rss.find(), "VmRSS of " + service.getKey());
                    rssMb.computeIfAbsent(service.getKey(), k -> new ArrayList<>()).add(Long.parseLong(rss.group(1)) / 1024);
                    if (run > 0) {
                        continue; // the "started in" of a start alone is in `alone`, measured to ready
                    }
                    List<String> lines = Files.readAllLines(home.resolve("logs/" + service.getKey() + ".log"));
                    double seconds = lines.subList(linesBefore.get(service.getKey()), lines.size()).stream()
                            .map(STARTED::matcher).filter(Matcher::find).mapToDouble(m -> Double.parseDouble(m.group(1)))
                            .findFirst().orElseThrow(() -> new AssertionError("no 'started in' line for " + service.getKey()));
                    startedIn.computeIfAbsent(service.getKey(), k -> new ArrayList<>()).add(seconds);
                }
            }
        }
        StringBuilder report = new StringBuilder()
                .append("%d starts of the whole local stack (the first on empty databases), JVMs with the local stack's flags (%s); RSS after %d s idle. Machine: %d cores, %s, Java %s.%n%n"
                        .formatted(STARTS, System.getenv().getOrDefault("OVERSIGHT_SERVICE_JVM_OPTS", "-Xmx384m -XX:+UseSerialGC"),
                                IDLE_SECONDS, Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                                System.getProperty("java.version")))
                .append("| service | all four starting at once: started in (s) | started alone, JVM start to ready, each (s) | median (s) | idle RSS, each start (MB) | median (MB) |\n")
                .append("|---|---:|---|---:|---|---:|\n");
        for (String service : startedIn.keySet()) {
            report.append("| %s | %.2f | %s | %.2f | %s | %d |%n".formatted(service, startedIn.get(service).get(0),
                    alone.get(service), median(alone.get(service)), rssMb.get(service),
                    (long) median(rssMb.get(service).stream().map(Long::doubleValue).toList())));
        }
        Path out = repository.resolve("system-tests/target/benchmarks/startup-memory.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
