package uk.police.oversight.system;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Node.js tools the contract tests drive (Prism, TypeScript), from {@code .ci/lint} (installed there by
 * {@code npm ci} on first use). Without Node.js the tests that need them are skipped, except under {@code CI=true},
 * where a missing tool fails the run.
 */
final class NodeTools {

    private NodeTools() {
    }

    static Path repository() {
        return Path.of(System.getProperty("oversight.repository", "..")).toAbsolutePath().normalize();
    }

    /** The installed tools' bin folder; installs them first if needed. Skips the test when Node.js is absent (not on CI). */
    static synchronized Path bin() {
        Path lint = repository().resolve(".ci/lint");
        Path bin = lint.resolve("node_modules/.bin");
        if (Files.isExecutable(bin.resolve("prism")) && Files.isExecutable(bin.resolve("tsc"))) {
            return bin;
        }
        boolean npm = run(lint, List.of("npm", "--version"), Map.of(), 30).exitCode() == 0;
        if (!npm) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("CI needs Node.js and npm for the API contract tests (Prism, TypeScript)");
            }
            assumeTrue(false, "Node.js and npm are not installed: the contract tests that need them are skipped");
        }
        Result install = run(lint, List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), Map.of(), 600);
        if (install.exitCode() != 0) {
            throw new IllegalStateException("npm ci in .ci/lint failed:\n" + install.output());
        }
        return bin;
    }

    /** What a command printed, and how it ended. */
    record Result(int exitCode, String output) {
    }

    static Result run(Path directory, List<String> command, Map<String, String> env, long timeoutSeconds) {
        try {
            Path log = Files.createTempFile("node-tool", ".log");
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(directory.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "timed out after " + timeoutSeconds + " s: " + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }
}
