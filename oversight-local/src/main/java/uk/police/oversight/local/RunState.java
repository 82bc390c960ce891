package uk.police.oversight.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * What a running `./oversight up` left in {@code <home>/run/state.properties}: its pid, when it started, the port and
 * management port of each service and the pid of each service's JVM, so that `status` can show it and `down` can stop it, and stop any
 * service left behind if the launcher itself was killed.
 */
record RunState(long pid, Instant startedAt, Map<String, Integer> ports, Map<String, Integer> managementPorts,
        Map<String, Long> children) {

    static Path file(Path home) {
        return home.resolve("run/state.properties");
    }

    /** Records this process as starting, before any port is known. */
    static void starting(Path home) {
        new RunState(ProcessHandle.current().pid(), Instant.now(), Map.of(), Map.of(), Map.of()).write(home);
    }

    static RunState of(LocalStack stack) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        Map<String, Integer> management = new LinkedHashMap<>();
        for (String service : stack.serviceNames()) {
            ports.put(service, stack.port(service));
            management.put(service, stack.managementPort(service));
        }
        return new RunState(ProcessHandle.current().pid(), Instant.now(), ports, management, stack.servicePids());
    }

    void write(Path home) {
        Properties properties = new Properties();
        properties.setProperty("pid", Long.toString(pid));
        properties.setProperty("startedAt", startedAt.toString());
        ports.forEach((name, port) -> properties.setProperty("port." + name, Integer.toString(port)));
        managementPorts.forEach((name, port) -> properties.setProperty("management." + name, Integer.toString(port)));
        children.forEach((name, child) -> properties.setProperty("child." + name, Long.toString(child)));
        Path file = file(home);
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling("state.properties.tmp");
            try (Writer writer = Files.newBufferedWriter(temporary)) {
                properties.store(writer, "./oversight up; removed when it stops");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The state a stack left, or null when there is none. */
    static RunState read(Path home) {
        Path file = file(home);
        if (!Files.exists(file)) {
            return null;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Integer> ports = new LinkedHashMap<>();
        Map<String, Integer> management = new LinkedHashMap<>();
        Map<String, Long> children = new LinkedHashMap<>();
        for (String key : properties.stringPropertyNames().stream().sorted().toList()) {
            if (key.startsWith("port.")) {
                ports.put(key.substring(5), Integer.parseInt(properties.getProperty(key)));
            } else if (key.startsWith("management.")) {
                management.put(key.substring(11), Integer.parseInt(properties.getProperty(key)));
            } else if (key.startsWith("child.")) {
                children.put(key.substring(6), Long.parseLong(properties.getProperty(key)));
            }
        }
        return new RunState(Long.parseLong(properties.getProperty("pid")), Instant.parse(properties.getProperty("startedAt")),
                ports, management, children);
    }

    static void clear(Path home) {
        try {
            Files.deleteIfExists(file(home));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean alive() {
        return launcher().isPresent();
    }

    /**
     * The launcher, if it still runs: a pid the system has since given to another program (after a crash left the
     * state file behind) is not it, and is never signalled.
     */
    private Optional<ProcessHandle> launcher() {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").contains(Oversight.class.getName()));
    }

    /**
     * Asks the launcher to stop (SIGTERM: it stops the services, the broker and PostgreSQL itself), waits, then stops
     * any service JVM still alive. Answers true when nothing had to be killed.
     */
    boolean stop(Duration grace) {
        boolean clean = true;
        Optional<ProcessHandle> launcher = launcher();
        if (launcher.isPresent()) {
            launcher.get().destroy();
            clean = waitFor(launcher.get(), grace);
        }
        List<ProcessHandle> leftovers = new ArrayList<>();
        for (long child : children.values()) {
            // Only a JVM of one of our services: a pid the system has since given to another program is left alone.
            ProcessHandle.of(child).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().commandLine().orElse("").contains("quarkus-run.jar"))
                    .ifPresent(leftovers::add);
        }
        for (ProcessHandle leftover : leftovers) {
            clean = false;
            leftover.destroy();
            if (!waitFor(leftover, Duration.ofSeconds(15))) {
                leftover.destroyForcibly();
            }
        }
        return clean;
    }

    private static boolean waitFor(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
