package uk.police.oversight.system.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The outbox relay's lease as the outbox grows: a bulk load of N events drained the way the relay drains it (lease 200,
 * mark them sent, again), then steady traffic of 200 new events a round, with the lease timed throughout. Side by side
 * in one run: the outbox as it was before issue 15 (default storage, the planner's own choice of plan) and as it is
 * (oversight-messaging's DDL with its storage settings, the lease walking the pending index in order). Not part of
 * `./mvnw verify`: `./mvnw -B -pl system-tests verify -Pbenchmark -Dit.test=OutboxBenchmark`. Writes
 * system-tests/target/benchmarks/outbox.md.
 */
class OutboxBenchmark {

    private static final Path DDL = Path.of("../oversight-messaging/src/main/resources/db/messaging/R__oversight_messaging.sql");
    /** The relay's statement (OutboxRelay.LEASE), with its 200 and a 20 s lease. */
    private static final String LEASE = "update outbox_event set lease_until = now() + 20 * interval '1 second' where id in ("
            + "select id from outbox_event where published_at is null and (lease_until is null or lease_until < now())"
            + " order by seq limit 200 for update skip locked) returning id, destination, type, subject, payload, seq";
    private static final String MARK = "update outbox_event set published_at = now(), attempts = attempts + 1, lease_until = null"
            + " where id = any(?)";
    private static final int STEADY_ROUNDS = 100;

    @Test
    void theLeaseStaysFastAsTheOutboxGrows() throws Exception {
        StringBuilder report = new StringBuilder("## Outbox lease as the outbox grows (").append(java.time.LocalDate.now()).append(")\n\n")
                .append("Each row: N events written at once (a bulk load), drained by the relay's cycle (lease 200, mark sent), then ")
                .append(STEADY_ROUNDS).append(" rounds of 200 new events leased and marked with the N sent ones still in the table ")
                .append("(they are kept 7 days). Embedded PostgreSQL 17, autovacuum on, same machine, one run.\n\n")
                .append("| events sent (N) | outbox | lease median ms, draining | lease p95 ms, draining | lease median ms, after | lease p95 ms, after |\n")
                .append("|---:|---|---:|---:|---:|---:|\n");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            for (int events : new int[] {1_000, 10_000, 100_000}) {
                for (boolean current : new boolean[] {false, true}) {
                    try (Connection db = postgres.getPostgresDatabase().getConnection()) {
                        schema(db, current);
                        List<long[]> timings = run(db, events, current);
                        report.append(String.format(Locale.ROOT, "| %,d | %s | %.2f | %.2f | %.2f | %.2f |%n", events,
                                current ? "now (storage settings, ordered index scan)" : "before (defaults, planner's choice)",
                                percentile(timings.get(0), 50), percentile(timings.get(0), 95),
                                percentile(timings.get(1), 50), percentile(timings.get(1), 95)));
                        System.out.println(report);
                    }
                }
            }
        }
        Path out = Path.of("target/benchmarks/outbox.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.println(report);
    }

    private static void schema(Connection db, boolean current) throws Exception {
        try (Statement sql = db.createStatement()) {
            sql.execute("drop table if exists outbox_event, inbox_event");
            String ddl = Files.readString(DDL);
            if (!current) {
                ddl = ddl.replaceAll("(?s)alter table outbox_event set \\(.*?\\);", "");
            }
            sql.execute(ddl);
        }
    }

    /** The lease timings (nanoseconds) while draining the bulk load, and in the steady rounds after it. */
    private static List<long[]> run(Connection db, int events, boolean current) throws SQLException {
        insert(db, events);
        List<Long> draining = new ArrayList<>();
        int sent = 0;
        while (sent < events) {
            long start = System.nanoTime();
            List<UUID> leased = lease(db, current);
            draining.add(System.nanoTime() - start);
            mark(db, leased);
            sent += leased.size();
        }
        long[] after = new long[STEADY_ROUNDS];
        for (int i = 0; i < STEADY_ROUNDS; i++) {
            insert(db, 200);
            long start = System.nanoTime();
            List<UUID> leased = lease(db, current);
            after[i] = System.nanoTime() - start;
            assertEquals(200, leased.size());
            mark(db, leased);
        }
        return List.of(draining.stream().mapToLong(Long::longValue).toArray(), after);
    }

    private static void insert(Connection db, int events) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("insert into outbox_event (id, destination, type, payload)"
                + " select gen_random_uuid(), 'audit.visit-scheduler', 'uk.police.oversight.audit.recorded', repeat('x', 600)"
                + " from generate_series(1, ?)")) {
            insert.setInt(1, events);
            insert.executeUpdate();
        }
    }

    private static List<UUID> lease(Connection db, boolean current) throws SQLException {
        db.setAutoCommit(false);
        try (Statement plan = db.createStatement(); PreparedStatement lease = db.prepareStatement(LEASE)) {
            if (current) {
                plan.execute("set local enable_bitmapscan = off");
            }
            List<UUID> ids = new ArrayList<>();
            try (ResultSet rs = lease.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            db.commit();
            return ids;
        } finally {
            db.setAutoCommit(true);
        }
    }

    private static void mark(Connection db, List<UUID> ids) throws SQLException {
        try (PreparedStatement mark = db.prepareStatement(MARK)) {
            mark.setArray(1, db.createArrayOf("uuid", ids.toArray()));
            mark.executeUpdate();
        }
    }

    private static double percentile(long[] nanos, int percentile) {
        long[] sorted = Arrays.copyOf(nanos, nanos.length);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1_000_000.0;
    }
}
