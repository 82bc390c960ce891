package uk.police.oversight.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The `./oversight` command: `up` runs the local stack until Ctrl-C or SIGTERM; `token` prints a bearer token the
 * local stack accepts.
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

    public static void main(String[] args) {
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
        } catch (InterruptedException e) {
            status = 130;
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
        CountDownLatch stopped = new CountDownLatch(1);
        LocalStack[] stack = new LocalStack[1];
        Thread stopper = new Thread(() -> {
            OUT.println("\nStopping…");
            if (stack[0] != null) {
                stack[0].close();
            }
            OUT.println("Stopped.");
            stopped.countDown();
        }, "oversight-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        stack[0] = LocalStack.start(new LocalStack.Options(repository, home, env, true, OUT));
        OUT.println();
        OUT.println("Offender Management Oversight is running.");
        OUT.printf("  %-21s %s/api/v1   (the whole API; OpenAPI: %s/q/openapi, Swagger UI: %s/q/swagger-ui)%n", "api-gateway",
                stack[0].url("api-gateway"), stack[0].url("api-gateway"), stack[0].url("api-gateway"));
        for (String service : stack[0].serviceNames()) {
            if (!service.equals("api-gateway")) {
                OUT.printf("  %-21s %s   (behind the gateway)%n", service, stack[0].url(service));
            }
        }
        if (stack[0].mailSink() != null) {
            OUT.printf("  %-21s http://localhost:%d   (every mail the services send; files in %s)%n", "mail sink",
                    stack[0].mailSink().webPort(), stack[0].mailSink().directory());
        }
        OUT.println("  data and logs         " + home);
        OUT.println();
        OUT.println("Try:");
        OUT.println("  TOKEN=$(./oversight token --sub admin-user --roles admin)");
        OUT.println("  curl -s -H \"Authorization: Bearer $TOKEN\" " + stack[0].url("api-gateway") + "/api/v1/areas");
        OUT.println();
        OUT.println("Press Ctrl-C to stop.");
        stopped.await();
        return 0;
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
