package uk.police.oversight.system;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import uk.police.oversight.local.LocalKeys;
import uk.police.oversight.local.LocalStack;

/**
 * One local stack for the whole system-test run, started the way `./oversight up` starts it, on free ports and in a
 * throwaway folder, and stopped when the JVM exits.
 */
public final class SystemStack {

    private static LocalStack stack;

    private SystemStack() {
    }

    static synchronized LocalStack get() {
        if (stack == null) {
            Path repository = Path.of(System.getProperty("oversight.repository", "..")).toAbsolutePath().normalize();
            Path home = repository.resolve("system-tests/target/stack-" + UUID.randomUUID());
            Map<String, String> env = LocalStack.freePorts();
            env.put("GATEWAY_RATE_LIMIT_PER_MINUTE", "100000");
            env.put("GATEWAY_RATE_LIMIT_BURST", "10000");
            env.put("COMPLIANCE_SCAN_CRON", "off");
            env.put("DIGEST_CRON", "off");
            // The MONTHLY snapshot every 15 s instead of each month's last evening, so that AssuranceIT sees the job
            // take one by itself, and only one for the month however often it runs.
            env.put("MONTHLY_SNAPSHOT_CRON", "0/15 * * * * ?");
            env.put("ACTION_REMINDER_CRON", "off");
            stack = LocalStack.start(new LocalStack.Options(repository, home, env, false, System.out));
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
        }
        return stack;
    }

    static RequestSpecification as(String subject, List<String> roles, String... areas) {
        LocalKeys keys = get().keys();
        return given().header("Authorization", "Bearer " + keys.token(subject, roles, Arrays.asList(areas), Duration.ofMinutes(30)))
                .contentType(ContentType.JSON);
    }

    static RequestSpecification admin() {
        return as("admin-user", List.of("admin"));
    }

    static RequestSpecification integration() {
        return as("force-records-system", List.of("integration"));
    }

    /** The public API, through the gateway (as every client reaches it). */
    static String api() {
        return get().url("api-gateway") + "/api/v1";
    }

    static String offenderApi() {
        return get().url("offender-service") + "/api/v1";
    }

    static String notificationsApi() {
        return get().url("notification-service") + "/api/v1";
    }

    static String visitsApi() {
        return get().url("visit-scheduler") + "/api/v1";
    }

    /** A single value from a database on the stack's PostgreSQL. */
    static Long queryLong(String database, String sql, Object... params) {
        try (Connection connection = DriverManager.getConnection(get().jdbcUrl(database), "postgres", "");
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? (Long) rs.getObject(1, Long.class) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls {@code condition} every 200 ms until it holds or {@code timeout} passes; answers whether it held. */
    public static boolean eventually(Duration timeout, BooleanSupplier condition) {
        try {
            Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(condition::getAsBoolean);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }
}
