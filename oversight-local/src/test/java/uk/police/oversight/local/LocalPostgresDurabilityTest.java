package uk.police.oversight.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The local stack's PostgreSQL keeps what it acknowledged: writes go on from several connections, every process of
 * the server is killed at once (SIGKILL, as a power cut or an OOM kill), and after recovery every commit that was
 * acknowledged is there. zonky's defaults (no fsync, commits acknowledged before their WAL is written) lose the last
 * ones; a persistent directory must never run with them.
 */
class LocalPostgresDurabilityTest {

    @Test
    void everyAcknowledgedCommitSurvivesTheServerBeingKilled() throws Exception {
        Path home = Files.createTempDirectory("durability");
        LocalPostgres postgres = LocalPostgres.start(home.resolve("data"), Path.of("target/pg-binaries"), LocalStack.freePort(), true);
        try {
            postgres.ensureDatabase("durable");
            String url = postgres.jdbcUrl("durable");
            try (Connection c = DriverManager.getConnection(url, LocalPostgres.USER, ""); Statement s = c.createStatement()) {
                s.execute("create table acknowledged (writer int, n int, primary key (writer, n))");
                try (ResultSet rs = s.executeQuery("select current_setting('fsync'), current_setting('synchronous_commit'),"
                        + " current_setting('full_page_writes')")) {
                    rs.next();
                    assertEquals("on on on", rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
                }
            }
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicBoolean writing = new AtomicBoolean(true);
            Thread[] writers = new Thread[4];
            for (int w = 0; w < writers.length; w++) {
                int writer = w;
                writers[w] = new Thread(() -> {
                    try (Connection c = DriverManager.getConnection(url, LocalPostgres.USER, "");
                            PreparedStatement insert = c.prepareStatement("insert into acknowledged values (?, ?)")) {
                        for (int n = 0; writing.get(); n++) {
                            insert.setInt(1, writer);
                            insert.setInt(2, n);
                            insert.executeUpdate(); // autocommit: returning means the commit was acknowledged
                            acknowledged.add(writer + ":" + n);
                        }
                    } catch (SQLException e) {
                        // The server went away mid-write: that write was never acknowledged.
                    }
                });
                writers[w].start();
            }
            Thread.sleep(1500);
            postgres.crash();
            writing.set(false);
            for (Thread writer : writers) {
                writer.join(10_000);
            }
            assertTrue(acknowledged.size() > 100, "writes were going on: " + acknowledged.size());

            postgres.recover();
            Set<String> stored = new HashSet<>();
            try (Connection c = DriverManager.getConnection(url, LocalPostgres.USER, ""); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select writer, n from acknowledged")) {
                while (rs.next()) {
                    stored.add(rs.getInt(1) + ":" + rs.getInt(2));
                }
            }
            Set<String> lost = new HashSet<>(acknowledged);
            lost.removeAll(stored);
            assertEquals(Set.of(), lost, "acknowledged commits lost to the crash (of " + acknowledged.size() + ")");
        } finally {
            postgres.close();
        }
    }
}
