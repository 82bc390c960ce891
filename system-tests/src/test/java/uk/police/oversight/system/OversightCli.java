package uk.police.oversight.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The `./oversight` script, run as a developer runs it, with an environment of the test's own. */
final class OversightCli {

    /** How a command ended, and what it printed. */
    record Result(int status, String output) {
    }

    private OversightCli() {
    }

    static Result run(Path repository, Map<String, String> env, int timeoutSeconds, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(repository.resolve("oversight").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(repository.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Path output = Files.createTempFile("oversight", ".out");
        builder.redirectOutput(output.toFile());
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("./oversight " + String.join(" ", args) + " did not finish in " + timeoutSeconds
                    + " s: " + Files.readString(output));
        }
        String text = Files.readString(output);
        Files.delete(output);
        System.out.println("$ ./oversight " + String.join(" ", args) + "\n" + text);
        return new Result(process.exitValue(), text);
    }
}
