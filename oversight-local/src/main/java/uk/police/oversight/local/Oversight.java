package uk.police.oversight.local;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The `./oversight` command: `up` runs the local stack (embedded PostgreSQL and the services) until Ctrl-C or
 * SIGTERM; `token` prints a bearer token the local stack accepts.
 */
public final class Oversight {

    private static final PrintStream OUT = System.out;

    private final Path repository;
    private final Path home;
    private final Map<String, String> env;

    Oversight(Path repository, Path home, Map<String, String> env) {
        this.repository = repository;
        this.home = home;
        this.env = env;
    }

    public static void main(String[] args) throws Exception {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        Path repository = Path.of(System.getProperty("oversight.repository", ".")).toAbsolutePath().normalize();
        Path home = Path.of(System.getenv().getOrDefault("OVERSIGHT_HOME", repository.resolve(".oversight").toString()));
        Oversight oversight = new Oversight(repository, home.toAbsolutePath(), System.getenv());
        String command = args.length == 0 ? "help" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        int status;
        try {
            status = switch (command) {
                case "up" -> oversight.up();
                case "token" -> oversight.token(rest);
                default -> usage();
            };
        } catch (IllegalStateException | IllegalArgumentException e) {
            System.err.println("oversight: " + e.getMessage());
            status = 1;
        }
        System.exit(status);
    }

    private static int usage() {
        OUT.println("""
                usage: ./oversight up                                   run the local stack until Ctrl-C
                       ./oversight token --sub NAME --roles r1,r2 [--areas A,B] [--hours 8]
                                                                       print a bearer token the stack accepts""");
        return 2;
    }

    int token(String[] args) {
        Map<String, String> options = options(args);
        if (!options.containsKey("sub") || !options.containsKey("roles")) {
            return usage();
        }
        List<String> roles = list(options.get("roles"));
        List<String> areas = list(options.getOrDefault("areas", ""));
        long hours = Long.parseLong(options.getOrDefault("hours", "8"));
        OUT.println(LocalKeys.in(home.resolve("keys")).token(options.get("sub"), roles, areas, Duration.ofHours(hours)));
        return 0;
    }

    int up() throws InterruptedException {
        LocalKeys keys = LocalKeys.in(home.resolve("keys"));
        int pgPort = port("OVERSIGHT_PG_PORT", 55432);
        int offenderPort = port("OFFENDER_HTTP_PORT", 8081);
        List<ServiceProcess> services = new ArrayList<>();
        LocalPostgres[] postgres = new LocalPostgres[1];
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            OUT.println("\nStopping…");
            for (int i = services.size() - 1; i >= 0; i--) {
                services.get(i).stop(Duration.ofSeconds(15));
            }
            if (postgres[0] != null) {
                postgres[0].close();
            }
            OUT.println("Stopped.");
            stopped.countDown();
        }, "oversight-stop"));

        Map<String, String> common = new LinkedHashMap<>();
        common.put("OVERSIGHT_JWT_PUBLIC_KEY_LOCATION", keys.publicKeyFile().toUri().toString());
        common.put("OVERSIGHT_JWT_ISSUER", LocalKeys.ISSUER);
        common.put("OVERSIGHT_JWT_AUDIENCE", LocalKeys.AUDIENCE);

        Map<String, String> offenderEnv = new LinkedHashMap<>(common);
        offenderEnv.put("OFFENDER_HTTP_PORT", Integer.toString(offenderPort));
        if (env.containsKey("OFFENDER_DB_JDBC_URL")) {
            OUT.println("PostgreSQL: external, " + env.get("OFFENDER_DB_JDBC_URL"));
        } else {
            checkFree("OVERSIGHT_PG_PORT", pgPort);
            step("Starting embedded PostgreSQL on port " + pgPort);
            postgres[0] = LocalPostgres.start(home.resolve("postgres"), home.resolve("postgres-binaries"), pgPort, true)
                    .ensureDatabase("offender");
            offenderEnv.put("OFFENDER_DB_JDBC_URL", postgres[0].jdbcUrl("offender"));
        }
        checkFree("OFFENDER_HTTP_PORT", offenderPort);
        services.add(new ServiceProcess("offender-service",
                repository.resolve("offender-service/target/quarkus-app/quarkus-run.jar"), offenderPort, offenderEnv,
                home.resolve("logs/offender-service.log")));

        List<String> jvm = list(env.getOrDefault("OVERSIGHT_SERVICE_JVM_OPTS", "-Xmx256m -XX:+UseSerialGC"));
        for (ServiceProcess service : services) {
            step("Starting " + service.name() + " on port " + service.port() + " (log: " + repository.relativize(service.log()) + ")");
            service.start(jvm.stream().filter(s -> !s.isBlank()).toList());
        }
        awaitReady(services, Duration.ofSeconds(120));

        OUT.println();
        OUT.println("Offender Management Oversight is running.");
        OUT.println("  offender-service  http://localhost:" + offenderPort + "/api/v1   (OpenAPI: /q/openapi, Swagger UI: /q/swagger-ui)");
        OUT.println("  data and logs     " + home);
        OUT.println();
        OUT.println("Try:");
        OUT.println("  TOKEN=$(./oversight token --sub admin-user --roles admin)");
        OUT.println("  curl -s -H \"Authorization: Bearer $TOKEN\" http://localhost:" + offenderPort + "/api/v1/areas");
        OUT.println();
        OUT.println("Press Ctrl-C to stop.");
        stopped.await();
        return 0;
    }

    private static void awaitReady(List<ServiceProcess> services, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<ServiceProcess> waiting = new ArrayList<>(services);
        while (!waiting.isEmpty()) {
            for (ServiceProcess service : List.copyOf(waiting)) {
                if (!service.alive()) {
                    throw new IllegalStateException(service.name() + " stopped while starting; see " + service.log());
                }
                if (service.ready()) {
                    step(service.name() + " is ready");
                    waiting.remove(service);
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Not ready after " + timeout.toSeconds() + " s: "
                        + waiting.stream().map(ServiceProcess::name).toList());
            }
            sleep(250);
        }
    }

    private int port(String variable, int defaultPort) {
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            return defaultPort;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + " must be a port number, not " + value);
        }
    }

    private static void checkFree(String variable, int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " is already in use; stop whatever uses it or set " + variable);
        }
    }

    private static void step(String message) {
        OUT.println("==> " + message);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                String key = args[i].substring(2);
                String value = i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : "true";
                options.put(key, value);
            }
        }
        return options;
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
