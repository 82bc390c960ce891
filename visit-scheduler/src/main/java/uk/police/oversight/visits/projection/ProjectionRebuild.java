package uk.police.oversight.visits.projection;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import uk.police.oversight.common.problem.ProblemException;
import uk.police.oversight.common.security.Caller;
import uk.police.oversight.visits.api.RebuildView;

/**
 * Rebuilds the offender projection from a replay of offender-service's facts, as a job: the request asks
 * offender-service for a replay (as the admin who asked) and answers at once; the snapshots then refresh the rows
 * they name as they arrive (nothing is cleared, so the lists stay whole meanwhile); once the replay's completion has
 * arrived and every offender it published has been refreshed (or erased since), the rows it did not touch and that
 * nothing changed since the rebuild began are removed. It never finishes on time alone: a snapshot held up (by a
 * relay's lease after a crash, say) is waited for, and a replay that never arrives whole fails the rebuild with
 * nothing removed. Its state is in the database, so it survives a restart of either service.
 */
@ApplicationScoped
public class ProjectionRebuild {

    private static final Logger LOG = Logger.getLogger(ProjectionRebuild.class);
    /** A rebuild whose replay has not completed in this time has failed (offender-service says why). */
    static final Duration GIVE_UP_AFTER = Duration.ofHours(1);

    @Inject
    @RestClient
    OffenderServiceClient offenderService;

    @Inject
    DataSource dataSource;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    /** Asks offender-service for a replay and records the rebuild that follows it (or the one already following it). */
    public RebuildView request() {
        OffenderServiceClient.ReplayJob replay = offenderService.replay();
        return QuarkusTransaction.requiringNew().call(() -> {
            execute("insert into projection_rebuild (id, replay_id, requested_by, state) values (?, ?, ?, 'RUNNING')"
                    + " on conflict (replay_id) do nothing", UUID.randomUUID(), replay.id(), caller.subject());
            return find("replay_id = ?", replay.id()).orElseThrow();
        });
    }

    public RebuildView get(UUID id) {
        return find("id = ?", id).orElseThrow(() -> ProblemException.notFound("Projection rebuild", id));
    }

    /** offender-service has published every offender of a replay: how many there are to wait for. */
    void replayCompleted(UUID replayId, long offenders) {
        execute("update projection_rebuild set expected_offenders = ? where replay_id = ? and state = 'RUNNING'", offenders, replayId);
    }

    /** Finishes the rebuilds whose replays have arrived whole (any replica; each rebuild is locked while it is finished). */
    @Scheduled(every = "${oversight.rebuild.check-interval:2s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void finish() {
        for (UUID id : QuarkusTransaction.requiringNew().call(this::running)) {
            try {
                QuarkusTransaction.requiringNew().run(() -> finish(id));
            } catch (RuntimeException e) {
                LOG.warnf(e, "Could not finish projection rebuild %s yet", id);
            }
        }
    }

    private List<UUID> running() {
        List<UUID> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select id from projection_rebuild where state = 'RUNNING'");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getObject(1, UUID.class));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the projection rebuilds", e);
        }
        return ids;
    }

    private void finish(UUID id) {
        try (Connection connection = dataSource.getConnection()) {
            UUID replay;
            Long expected;
            Instant requestedAt;
            try (PreparedStatement lock = connection.prepareStatement("select replay_id, expected_offenders, requested_at"
                    + " from projection_rebuild where id = ? and state = 'RUNNING' for update skip locked")) {
                lock.setObject(1, id);
                try (ResultSet rs = lock.executeQuery()) {
                    if (!rs.next()) {
                        return;
                    }
                    replay = rs.getObject(1, UUID.class);
                    expected = (Long) rs.getObject(2);
                    requestedAt = rs.getTimestamp(3).toInstant();
                }
            }
            long refreshed;
            try (PreparedStatement progress = connection.prepareStatement(
                    "select count(*) from offender_projection where refreshed_by = ?")) {
                progress.setObject(1, replay);
                try (ResultSet rs = progress.executeQuery()) {
                    rs.next();
                    refreshed = rs.getLong(1);
                }
            }
            // An offender erased after the rebuild began has no row for its snapshot to refresh: it counts as done.
            long erased;
            try (PreparedStatement since = connection.prepareStatement("select count(*) from erased_offender where erased_at >= ?")) {
                since.setTimestamp(1, Timestamp.from(requestedAt));
                try (ResultSet rs = since.executeQuery()) {
                    rs.next();
                    erased = rs.getLong(1);
                }
            }
            execute(connection, "update projection_rebuild set refreshed_offenders = ? where id = ?", refreshed, id);
            if (expected != null && refreshed + erased >= expected) {
                int removed = execute(connection, "delete from offender_projection where refreshed_by is distinct from ?"
                        + " and updated_at < ?", replay, Timestamp.from(requestedAt));
                execute(connection, "update projection_rebuild set state = 'DONE', removed_offenders = ?, finished_at = now()"
                        + " where id = ?", removed, id);
                LOG.infof("Projection rebuild %s done: %d offenders refreshed, %d removed", id, refreshed, removed);
            } else if (clock.instant().isAfter(requestedAt.plus(GIVE_UP_AFTER))) {
                execute(connection, "update projection_rebuild set state = 'FAILED', finished_at = now(), last_error = ?"
                        + " where id = ?", "offender-service's replay " + replay + " did not complete within "
                        + GIVE_UP_AFTER.toMinutes() + " minutes (" + refreshed + " offenders refreshed); nothing was removed", id);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not finish projection rebuild " + id, e);
        }
    }

    private Optional<RebuildView> find(String where, Object value) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select id, replay_id, state, requested_by, requested_at,"
                        + " finished_at, expected_offenders, refreshed_offenders, removed_offenders, last_error"
                        + " from projection_rebuild where " + where)) {
            select.setObject(1, value);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new RebuildView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(),
                        (Long) rs.getObject(7), rs.getLong(8), rs.getLong(9), rs.getString(10)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the projection rebuilds", e);
        }
    }

    private void execute(String sql, Object... params) {
        try (Connection connection = dataSource.getConnection()) {
            execute(connection, sql, params);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not update the projection rebuilds", e);
        }
    }

    private static int execute(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            return statement.executeUpdate();
        }
    }

}
