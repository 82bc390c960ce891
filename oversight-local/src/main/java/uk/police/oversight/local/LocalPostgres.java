package uk.police.oversight.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A real PostgreSQL server from the Maven Central binaries (zonky), for tests and the local stack. Works as root
 * (zonky runs initdb and postgres under `unshare -U`) and as a normal user. A persistent server is durable (fsync,
 * synchronous commit, full page writes: PostgreSQL's own defaults); only a throwaway one trades them for speed.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String USER = "postgres";

    private final Path dataDirectory;
    private final Path binariesDirectory;
    private final boolean persistent;
    private final Map<String, String> settings;
    private EmbeddedPostgres server;
    private int port;

    private LocalPostgres(Path dataDirectory, Path binariesDirectory, int port, boolean persistent, Map<String, String> settings) {
        this.dataDirectory = dataDirectory;
        this.binariesDirectory = binariesDirectory;
        this.port = port;
        this.persistent = persistent;
        this.settings = Map.copyOf(settings);
    }

    /**
     * Starts a server on {@code port} (0 picks a free one) with its data in {@code dataDirectory}. A persistent
     * directory keeps its data between starts; a throwaway one is wiped on close and runs without fsync.
     */
    public static LocalPostgres start(Path dataDirectory, Path binariesDirectory, int port, boolean persistent) {
        return start(dataDirectory, binariesDirectory, port, persistent, Map.of());
    }

    /** As {@link #start(Path, Path, int, boolean)}, with extra server settings (e.g. shared_preload_libraries). */
    public static LocalPostgres start(Path dataDirectory, Path binariesDirectory, int port, boolean persistent,
            Map<String, String> settings) {
        LocalPostgres postgres = new LocalPostgres(dataDirectory, binariesDirectory, port, persistent, settings);
        if (!persistent) {
            postgres.wipe(); // whatever a run that never closed left behind
        }
        postgres.startServer();
        return postgres;
    }

    private void startServer() {
        try {
            Files.createDirectories(dataDirectory);
            Files.createDirectories(binariesDirectory);
            // The data directory is never wiped by zonky, so that a restart keeps the data; close() wipes a throwaway one.
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(binariesDirectory.toFile())
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("timezone", "UTC")
                    .setPGStartupWait(java.time.Duration.ofSeconds(60));
            if (persistent) {
                // zonky starts postgres with -F (no fsync) and synchronous_commit off: an acknowledged commit could then
                // be lost to a crash. Data that is kept is written as PostgreSQL's defaults write it.
                builder.setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on");
            } else {
                builder.setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off");
            }
            settings.forEach(builder::setServerConfig);
            if (port > 0) {
                builder.setPort(port);
            }
            server = builder.start();
            port = server.getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /**
     * Stops the server (a fast shutdown: open sessions are ended, committed data is kept), leaves it down for
     * {@code down}, and starts it again on the same port with the same data: what a database restart or fail-over
     * looks like to the services.
     */
    public void restart(java.time.Duration down) {
        stopServer();
        try {
            Thread.sleep(down.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        startServer();
    }

    /**
     * Kills the server and every one of its processes at once (SIGKILL), as a power cut or an OOM kill would: no
     * checkpoint, no shutdown, whatever is in shared memory is lost. {@link #restart(java.time.Duration)} or a new
     * start on the same directory then recovers from the write-ahead log. (Durability tests.)
     */
    public void crash() {
        long postmaster = postmasterPid();
        if (postmaster > 0) {
            ProcessHandle.of(postmaster).ifPresent(process -> {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.onExit().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join();
            });
        }
        try {
            // Releases zonky's lock on the directory; its attempt to stop the dead server fails harmlessly.
            server.close();
        } catch (IOException | RuntimeException e) {
            // Already dead.
        } finally {
            server = null;
        }
    }

    /** The postmaster's pid from its pid file, or -1. */
    private long postmasterPid() {
        try {
            java.util.List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            return lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).strip());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /** Starts the server again after {@link #crash()}, on the same port with the same data (crash recovery). */
    public void recover() {
        startServer();
    }

    /** Creates the database if it does not exist yet. */
    public LocalPostgres ensureDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        try (Connection connection = server.getPostgresDatabase().getConnection();
                PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rows = exists.executeQuery()) {
                if (!rows.next()) {
                    try (Statement create = connection.createStatement()) {
                        create.execute("create database " + name);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
        return this;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** Quarkus datasource settings pointing at {@code database} on this server. */
    public Map<String, String> quarkusDatasource(String database) {
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl(database),
                "quarkus.datasource.username", USER,
                "quarkus.datasource.password", "");
    }

    @Override
    public void close() {
        stopServer();
        if (!persistent) {
            wipe();
        }
    }

    private void wipe() {
        if (!Files.exists(dataDirectory)) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.walk(dataDirectory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not remove the throwaway data directory " + dataDirectory, e);
        }
    }

    private void stopServer() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            server = null;
        }
    }
}
