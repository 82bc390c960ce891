package uk.police.oversight.local;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import uk.police.oversight.local.demo.DemoForce;
import uk.police.oversight.local.demo.DemoLoader;

/**
 * The `./oversight` command: `up` runs the local stack (with the demo force unless `--no-demo`) until Ctrl-C or
 * SIGTERM; `status` and `down` look at and stop a stack running in the background; `token` prints a bearer token the
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
                case "up" -> oversight.up(rest);
                case "down" -> oversight.down();
                case "status" -> oversight.status();
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
                usage: ./oversight up [--no-demo] [--detach]            run the local stack (until Ctrl-C, or in the background)
                       ./oversight status                               show what runs
                       ./oversight down                                 stop a stack started with up --detach
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

    int up(String[] args) throws InterruptedException {
        Map<String, String> options = options(args);
        boolean demo = !options.containsKey("no-demo");
        boolean detached = options.containsKey("detached");
        RunState running = RunState.read(home);
        if (running != null && running.alive()) {
            throw new IllegalStateException("already running (pid " + running.pid() + "); ./oversight status shows it, "
                    + "./oversight down stops it");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        LocalStack[] stack = new LocalStack[1];
        Thread stopper = new Thread(() -> {
            OUT.println("\nStopping…");
            if (stack[0] != null) {
                stack[0].close();
            }
            RunState.clear(home);
            OUT.println("Stopped.");
            stopped.countDown();
        }, "oversight-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        RunState.starting(home);
        stack[0] = LocalStack.start(new LocalStack.Options(repository, home, env, true, OUT));
        RunState.of(stack[0]).write(home);
        String gateway = stack[0].url("api-gateway");
        LocalKeys keys = stack[0].keys();
        if (demo) {
            loadDemo(gateway, keys);
        }
        OUT.println();
        OUT.println("Offender Management Oversight is running.");
        OUT.printf("  %-21s %s/   (sign in as a demo user, below)%n", "web app", gateway);
        OUT.printf("  %-21s %s/api/v1   (the whole API; OpenAPI: %s/q/openapi, Swagger UI: %s/q/swagger-ui)%n", "api-gateway",
                gateway, gateway, gateway);
        for (String service : stack[0].serviceNames()) {
            if (!service.equals("api-gateway")) {
                OUT.printf("  %-21s %s   (behind the gateway)%n", service, stack[0].url(service));
            }
        }
        if (stack[0].mailSink() != null) {
            OUT.printf("  %-21s http://localhost:%d   (every mail the services send; files in %s)%n", "mail sink",
                    stack[0].mailSink().webPort(), stack[0].mailSink().directory());
        }
        if (stack[0].identityProvider() != null) {
            OUT.printf("  %-21s %s   (the local OpenID Connect provider the web app signs in with)%n", "identity provider",
                    stack[0].identityProvider().url());
        }
        OUT.println("  data and logs         " + home);
        OUT.println();
        if (stack[0].identityProvider() != null) {
            OUT.println("Web app: open " + gateway + "/ and sign in with one of these usernames (no password locally):");
            for (DemoUsers.User user : DemoUsers.ALL) {
                OUT.printf("  %-14s %s%n", user.username(), user.who());
            }
            OUT.println();
        }
        List<DemoTokens.Token> demoTokens = DemoTokens.all(keys);
        Path tokens = DemoTokens.write(home, demoTokens);
        OUT.println("Tokens for the demo force, valid 8 hours (also in " + tokens + "; ./oversight token makes others):");
        for (DemoTokens.Token token : demoTokens) {
            OUT.printf("  # %s%n  export %s=%s%n", token.who(), token.variable(), token.jwt());
        }
        OUT.println();
        OUT.println("Try:");
        OUT.println("  source " + tokens);
        OUT.println("  curl -s -H \"Authorization: Bearer $SUPERVISOR\" '" + gateway
                + "/api/v1/overdue-visits/summary?asOf=2022-06-30'");
        OUT.println("  curl -s -H \"Authorization: Bearer $MANAGER\" '" + gateway
                + "/api/v1/overdue-visits?asOf=2022-06-30&size=5'");
        OUT.println("  curl -s -H \"Authorization: Bearer $SCRUTINY\" '" + gateway + "/api/v1/overdue-visits/summary'");
        OUT.println("  curl -s -H \"Authorization: Bearer $SCRUTINY\" '" + gateway + "/api/v1/compliance-trends?metric=overdue&from=2021-01-01'");
        OUT.println("  curl -s -H \"Authorization: Bearer $PANEL\" '" + gateway + "/api/v1/assurance-samples'");
        OUT.println("  curl -s -H \"Authorization: Bearer $SCRUTINY\" -H 'Accept: application/pdf' -o pack.pdf '" + gateway
                + "/api/v1/reports/compliance?month=" + java.time.YearMonth.now(java.time.ZoneId.of("Europe/London")).minusMonths(1) + "'");
        OUT.println();
        OUT.println(detached ? "Running in the background: ./oversight status shows it, ./oversight down stops it."
                : "Press Ctrl-C to stop.");
        stopped.await();
        return 0;
    }

    /**
     * Loads the demo force unless it is there already. A load cut short (Ctrl-C) is finished on the next `up` (the
     * batches are idempotent); a register holding other data (after `up --no-demo`) is left alone.
     */
    private void loadDemo(String gateway, LocalKeys keys) {
        DemoLoader loader = new DemoLoader(gateway, keys.token("demo-loader", List.of("admin"), List.of(), Duration.ofHours(1)), OUT);
        Path marker = home.resolve("demo-loaded");
        if (Files.exists(marker)) {
            OUT.println("==> The demo force is loaded already (" + read(marker) + ")");
        } else {
            LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/London"));
            DemoForce force = DemoForce.generate(today);
            boolean started = loader.holdsOffender(force.offenders().get(0).pncId());
            if (!started && loader.registerHoldsOffenders()) {
                OUT.println("==> The register holds other data, so the demo force is not loaded (start from an empty "
                        + home + " to see it)");
                return;
            }
            OUT.printf("==> %s the demo force through the gateway: %d offenders, %d visits, %d staff%n",
                    started ? "Finishing the interrupted load of" : "Loading", force.offenders().size(), force.visits().size(),
                    force.staff().size());
            loader.load(force);
            write(marker, "on " + today);
        }
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/London"));
        Path oversight = home.resolve("demo-oversight-loaded-" + java.time.YearMonth.from(today));
        if (!Files.exists(oversight)) {
            OUT.println("==> The oversight figures: month-end snapshots since " + DemoLoader.TREND_FROM + ", actions, a sample");
            loader.loadOversight(today);
            write(oversight, "on " + today);
        }
        DemoLoader.Figures figures = loader.figures();
        OUT.printf("==> As of %s: %d in scope, %d overdue a visit (the oldest %d days), %d overdue a risk review%n",
                figures.asOf(), figures.inScope(), figures.overdue(), figures.oldestDaysOverdue(), figures.overdueRiskReviews());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text + "\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** `./oversight status`: what runs, and whether each service is ready. Exit 0 when running, 3 when not. */
    int status() {
        RunState state = RunState.read(home);
        if (state == null || !state.alive()) {
            OUT.println("Not running" + (state != null ? " (a stale state file was left by pid " + state.pid() + ")" : "") + ".");
            return 3;
        }
        OUT.println("Running (pid " + state.pid() + ", since " + state.startedAt() + ")");
        state.ports().forEach((name, port) -> {
            Integer management = state.managementPorts().get(name);
            OUT.printf("  %-21s http://localhost:%d   %s%n", name, port,
                    management != null && ServiceProcess.answersReady(management) ? "ready" : "not ready");
        });
        OUT.println("  data and logs         " + home);
        return 0;
    }

    /** `./oversight down`: stops a stack started with `up --detach` (or in another terminal) and waits until it has. */
    int down() {
        RunState state = RunState.read(home);
        if (state == null) {
            OUT.println("Not running.");
            return 0;
        }
        if (!state.alive()) {
            boolean clean = state.stop(Duration.ZERO);
            RunState.clear(home);
            OUT.println("Not running; cleared the state file left by pid " + state.pid()
                    + (clean ? "." : ", and stopped the service JVMs it had left running."));
            return 0;
        }
        OUT.println("Stopping pid " + state.pid() + "…");
        boolean clean = state.stop(Duration.ofSeconds(90));
        RunState.clear(home);
        OUT.println(clean ? "Stopped." : "Stopped (some processes had to be killed; see " + home.resolve("logs") + ").");
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
