package uk.police.oversight.system.bench;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import uk.police.oversight.local.LocalStack;

/** The local stack a benchmark measures: packaged services on free ports, in a home of its own, no timed jobs. */
final class BenchmarkStacks {

    private BenchmarkStacks() {
    }

    /** Starts the stack with the scheduled jobs off and {@code settings} (variables of the local stack) on top. */
    static LocalStack quiet(Map<String, String> settings) {
        Path repository = Path.of(System.getProperty("oversight.repository", "..")).toAbsolutePath().normalize();
        Map<String, String> env = LocalStack.freePorts();
        for (String job : new String[] {"COMPLIANCE_SCAN_CRON", "DIGEST_CRON", "MONTHLY_SNAPSHOT_CRON", "ACTION_REMINDER_CRON"}) {
            env.put(job, "off");
        }
        env.putAll(settings);
        Path home = repository.resolve("system-tests/target/benchmark-" + UUID.randomUUID());
        return LocalStack.start(new LocalStack.Options(repository, home, env, false, System.out));
    }
}
