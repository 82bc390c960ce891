package uk.police.oversight.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import uk.police.oversight.local.LocalKeys;
import uk.police.oversight.local.LocalStack;

/**
 * The demo force as a user first meets it: `./oversight up --detach` (the script, its embedded identity provider and
 * the demo data), on free ports in a throwaway home, stopped with `./oversight down` when the JVM exits. One per
 * test run, for the tests that need the demo users and figures (the web app's).
 */
final class DemoStack {

    private static DemoStack stack;

    final Path repository = Path.of(System.getProperty("oversight.repository", "..")).toAbsolutePath().normalize();
    final Path home;
    final Map<String, String> env = new LinkedHashMap<>();

    private DemoStack() {
        this(null);
    }

    private DemoStack(Path home) {
        this.home = home != null ? home : repository.resolve("system-tests/target/demo-" + UUID.randomUUID());
    }

    static synchronized DemoStack get() throws Exception {
        String running = System.getProperty("oversight.demo.home");
        if (stack == null && running != null && !running.isBlank()) {
            // A developer's stack already up (./oversight up with that home, default ports): used as it is, left running.
            DemoStack existing = new DemoStack(Path.of(running));
            existing.env.put("GATEWAY_HTTP_PORT", System.getProperty("oversight.demo.port", "8080"));
            stack = existing;
        }
        if (stack == null) {
            DemoStack started = new DemoStack();
            started.env.put("OVERSIGHT_HOME", started.home.toString());
            started.env.put("OVERSIGHT_SKIP_BUILD", "true");
            started.env.putAll(LocalStack.freePorts());
            OversightCli.Result up = OversightCli.run(started.repository, started.env, 1200, "up", "--detach");
            assertEquals(0, up.status(), up.output());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    OversightCli.run(started.repository, started.env, 120, "down");
                } catch (Exception e) {
                    System.err.println("./oversight down failed: " + e);
                }
            }));
            stack = started;
        }
        return stack;
    }

    /** The gateway, as the browser reaches it. */
    String web() {
        return "http://localhost:" + env.get("GATEWAY_HTTP_PORT");
    }

    String api() {
        return web() + "/api/v1";
    }

    /** The API as someone with these roles and areas, for comparing what a page shows with what the API says. */
    RequestSpecification as(String subject, List<String> roles, String... areas) {
        String token = LocalKeys.in(home.resolve("keys")).token(subject, roles, Arrays.asList(areas), Duration.ofMinutes(30));
        return RestAssured.given().baseUri(api()).header("Authorization", "Bearer " + token);
    }
}
