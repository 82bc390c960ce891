package uk.police.oversight.notifications.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;
import javax.sql.DataSource;
import uk.police.oversight.common.events.Announcement;

/**
 * What each manager has open (due soon, overdue, review overdue), kept from the compliance events so the daily digest
 * needs no other service. An item goes when a completed home visit, a new due date or a change of status resolves it.
 * Announcements are ordered by the visit they were computed from and then their date (an older one never replaces a
 * newer item), so the items end the same whatever order the events arrive in.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OpenItems {

    /** An announcement's place in time: the last completed home visit it was computed from, then its date. */
    private static final String ORDER = "(coalesce(last_visit_on, '-infinity'::date), coalesce(as_of, '-infinity'::date))";

    @Inject
    DataSource dataSource;

    /**
     * Records an announced item, unless a newer announcement stands already. A visit item replaces the offender's
     * older visit items: a later due date means the earlier one was met, and overdue supersedes due soon.
     */
    public void open(Announcement kind, ComplianceEventData data) {
        String incoming = "(coalesce(?::date, '-infinity'::date), ?::date)";
        if (kind != Announcement.REVIEW_OVERDUE) {
            if (exists("select 1 from open_item where offender_id = ? and kind in ('DUE_SOON', 'OVERDUE') and " + ORDER + " > " + incoming,
                    data.offenderId(), data.lastVisitOn(), data.asOf())) {
                return; // a later announcement (a later visit, a later scan) stands
            }
            if (kind == Announcement.DUE_SOON && exists("select 1 from open_item where offender_id = ? and kind = 'OVERDUE' and "
                    + ORDER + " = " + incoming, data.offenderId(), data.lastVisitOn(), data.asOf())) {
                return; // overdue already, by the same announcement's reckoning
            }
            execute("delete from open_item where offender_id = ? and kind in ('DUE_SOON', 'OVERDUE') and (" + ORDER + " < " + incoming
                            + " or (kind = 'DUE_SOON' and ? = 'OVERDUE'))",
                    data.offenderId(), data.lastVisitOn(), data.asOf(), kind.name());
        }
        execute("insert into open_item (offender_id, kind, due_on, last_visit_on, as_of, pnc_id, risk_level, area_code, manager_id)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (offender_id, kind) do update set due_on = excluded.due_on,"
                        + " last_visit_on = excluded.last_visit_on, as_of = excluded.as_of, risk_level = excluded.risk_level,"
                        + " area_code = excluded.area_code, manager_id = excluded.manager_id, announced_at = now()"
                        + " where (coalesce(open_item.last_visit_on, '-infinity'::date), coalesce(open_item.as_of, '-infinity'::date))"
                        + " <= (coalesce(excluded.last_visit_on, '-infinity'::date), coalesce(excluded.as_of, '-infinity'::date))",
                data.offenderId(), kind.name(), data.dueOn(), data.lastVisitOn(), data.asOf(), data.pncId(), data.riskLevel(),
                data.areaCode(), data.managerId());
    }

    /** A completed home visit resolves the visit items that came before it. */
    public void visited(UUID offenderId, LocalDate visitDate) {
        execute("delete from open_item where offender_id = ? and kind in ('DUE_SOON', 'OVERDUE')"
                + " and (last_visit_on is null or last_visit_on < ?)", offenderId, visitDate);
    }

    /**
     * Follows the newest known state of an offender's record: out of scope resolves their items; a new manager or
     * area takes them over. Called only when that state changed to a newer version.
     */
    public void offenderChanged(OffenderStates.State state) {
        if (!"IN_COMMUNITY".equals(state.status())) {
            execute("delete from open_item where offender_id = ?", state.offenderId());
            return;
        }
        if ("REACTIVE".equals(state.managementMode())) {
            execute("delete from open_item where offender_id = ? and kind in ('DUE_SOON', 'OVERDUE')", state.offenderId());
        }
        execute("update open_item set manager_id = ?, area_code = ?, risk_level = coalesce(?, risk_level) where offender_id = ?",
                state.managerId(), state.areaCode(), state.riskLevel(), state.offenderId());
    }

    public void erased(UUID offenderId) {
        execute("delete from open_item where offender_id = ?", offenderId);
    }

    private boolean exists(String sql, Object... params) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            try (var rs = statement.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read open items", e);
        }
    }

    private void execute(String sql, Object... params) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not update open items", e);
        }
    }

    private static void bind(PreparedStatement statement, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
    }
}
