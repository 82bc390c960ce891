package uk.police.oversight.audit.store;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Moves the entries of the audit store of earlier versions (the {@code audit_event} table of offender-service's
 * database) into this one, when {@code oversight.audit.import.jdbc-url} points at it: in pages, in the background,
 * resumable (the last id copied is kept in {@code earlier_store_import}) and idempotent (each entry keeps, or is given,
 * a source event id, so a page copied twice is stored once). The earlier table is only read: it stays, append-only,
 * until the force drops it (docs/runbook.md, "Moving the audit log to audit-service").
 */
@ApplicationScoped
public class EarlierStoreImport {

    private static final Logger LOG = Logger.getLogger(EarlierStoreImport.class);
    private static final int PAGE = 1000;
    /** Where the entries come from, as kept in {@code earlier_store_import}. */
    static final String SOURCE = "offender-service.audit_event";

    @ConfigProperty(name = "oversight.audit.import.jdbc-url")
    Optional<String> jdbcUrl;

    @ConfigProperty(name = "oversight.audit.import.username", defaultValue = "postgres")
    String username;

    @ConfigProperty(name = "oversight.audit.import.password")
    Optional<String> password;

    @ConfigProperty(name = "oversight.audit.import.retry", defaultValue = "10s")
    Duration retry;

    @Inject
    DataSource dataSource;

    private ExecutorService worker;
    private volatile boolean stopping;

    void start(@Observes StartupEvent event) {
        if (jdbcUrl.isEmpty() || jdbcUrl.get().isBlank()) {
            return;
        }
        worker = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "earlier-audit-store-import");
            thread.setDaemon(true);
            return thread;
        });
        worker.submit(this::runUntilDone);
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        if (worker != null) {
            worker.shutdownNow();
        }
    }

    private void runUntilDone() {
        while (!stopping) {
            try {
                long copied = copyAll(jdbcUrl.orElseThrow(), username, password.orElse(""));
                LOG.infof("Audit entries of the earlier store (%s): all copied, %d in this run", SOURCE, copied);
                return;
            } catch (SQLException | RuntimeException e) {
                LOG.warnf("Copying the earlier audit store failed (%s); trying again in %s", e.getMessage(), retry);
                try {
                    Thread.sleep(retry.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Copies every entry of the earlier store after the last one copied; answers how many it stored. */
    long copyAll(String url, String user, String secret) throws SQLException {
        long stored = 0;
        try (Connection from = DriverManager.getConnection(url, user, secret);
                Connection to = dataSource.getConnection()) {
            from.setReadOnly(true);
            long after = lastCopied(to);
            to.setAutoCommit(false);
            while (!stopping) {
                int rows = 0;
                List<UUID> sources = new ArrayList<>();
                try (PreparedStatement read = from.prepareStatement("select id, at, actor, roles, action, offender_ids, service,"
                        + " request_id, justification, detail, source_event_id, outcome from audit_event where id > ? order by id limit " + PAGE);
                        PreparedStatement insert = to.prepareStatement("insert into audit_event (at, actor, roles, action, offender_ids,"
                                + " service, request_id, justification, detail, source_event_id, outcome)"
                                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (source_event_id) do nothing")) {
                    read.setLong(1, after);
                    try (ResultSet row = read.executeQuery()) {
                        while (row.next()) {
                            after = row.getLong("id");
                            insert.setTimestamp(1, row.getTimestamp("at"));
                            insert.setString(2, row.getString("actor"));
                            insert.setArray(3, row.getArray("roles"));
                            insert.setString(4, row.getString("action"));
                            insert.setArray(5, row.getArray("offender_ids"));
                            insert.setString(6, row.getString("service"));
                            insert.setString(7, row.getString("request_id"));
                            insert.setString(8, row.getString("justification"));
                            insert.setString(9, row.getString("detail"));
                            UUID source = (UUID) row.getObject("source_event_id");
                            sources.add(source != null ? source : sourceOf(after));
                            insert.setObject(10, sources.get(sources.size() - 1));
                            insert.setString(11, row.getString("outcome"));
                            insert.addBatch();
                            rows++;
                        }
                    }
                    // (Batched inserts are rewritten into multi-row ones, which report no counts: count what is there.)
                    long before = present(to, sources);
                    insert.executeBatch();
                    stored += present(to, sources) - before;
                    remember(to, after, rows < PAGE);
                    to.commit();
                } catch (SQLException e) {
                    to.rollback();
                    throw e;
                }
                if (rows < PAGE) {
                    break;
                }
            }
            to.setAutoCommit(true);
        }
        return stored;
    }

    /** The id an entry written by offender-service itself (no source event) is known by here: the same every time. */
    static UUID sourceOf(long earlierId) {
        return UUID.nameUUIDFromBytes((SOURCE + ":" + earlierId).getBytes(StandardCharsets.UTF_8));
    }

    private static long present(Connection to, List<UUID> sources) throws SQLException {
        try (PreparedStatement count = to.prepareStatement("select count(*) from audit_event where source_event_id = any(?)")) {
            count.setArray(1, to.createArrayOf("uuid", sources.toArray()));
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static long lastCopied(Connection to) throws SQLException {
        try (PreparedStatement select = to.prepareStatement("select last_id from earlier_store_import where source = ?")) {
            select.setString(1, SOURCE);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        }
    }

    private static void remember(Connection to, long lastId, boolean finished) throws SQLException {
        try (PreparedStatement upsert = to.prepareStatement("insert into earlier_store_import (source, last_id, finished_at)"
                + " values (?, ?, case when ? then now() end) on conflict (source) do update set last_id = excluded.last_id,"
                + " finished_at = excluded.finished_at")) {
            upsert.setString(1, SOURCE);
            upsert.setLong(2, lastId);
            upsert.setBoolean(3, finished);
            upsert.executeUpdate();
        }
    }
}
