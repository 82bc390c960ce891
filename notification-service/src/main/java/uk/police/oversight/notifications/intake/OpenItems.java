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

/**
 * What each manager has open (due soon, overdue, review overdue), kept from the compliance events so the daily digest
 * needs no other service. An item goes when a completed home visit, a new due date or a change of status resolves it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OpenItems {

    /** The kinds of open item. */
    public enum Kind {
        DUE_SOON, OVERDUE, REVIEW_OVERDUE
    }

    @Inject
    DataSource dataSource;

    /** Records an announced item; a visit item with a new due date replaces the offender's older visit items. */
    public void open(Kind kind, ComplianceEventData data) {
        if (kind != Kind.REVIEW_OVERDUE) {
            // A later due date means the earlier one was met; overdue on a date supersedes due soon on it.
            execute("delete from open_item where offender_id = ? and kind in ('DUE_SOON', 'OVERDUE')"
                    + " and (due_on <> ? or kind = 'DUE_SOON')", data.offenderId(), data.dueOn());
        }
        execute("insert into open_item (offender_id, kind, due_on, last_visit_on, pnc_id, risk_level, area_code, manager_id)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (offender_id, kind) do update set due_on = excluded.due_on,"
                        + " last_visit_on = excluded.last_visit_on, risk_level = excluded.risk_level,"
                        + " area_code = excluded.area_code, manager_id = excluded.manager_id, announced_at = now()",
                data.offenderId(), kind.name(), data.dueOn(), data.lastVisitOn(), data.pncId(), data.riskLevel(),
                data.areaCode(), data.managerId());
    }

    /** A completed home visit resolves the visit items that came before it. */
    public void visited(UUID offenderId, LocalDate visitDate) {
        execute("delete from open_item where offender_id = ? and kind in ('DUE_SOON', 'OVERDUE')"
                + " and (last_visit_on is null or last_visit_on < ?)", offenderId, visitDate);
    }

    /** Follows an offender's record: out of scope resolves their items; a new manager or area takes them over. */
    public void offenderChanged(OffenderFactsData facts) {
        if (!"IN_COMMUNITY".equals(facts.status())) {
            execute("delete from open_item where offender_id = ?", facts.offenderId());
            return;
        }
        if ("REACTIVE".equals(facts.managementMode())) {
            execute("delete from open_item where offender_id = ? and kind in ('DUE_SOON', 'OVERDUE')", facts.offenderId());
        }
        execute("update open_item set manager_id = ?, area_code = ?, risk_level = coalesce(?, risk_level) where offender_id = ?",
                facts.managerId(), facts.areaCode(), facts.riskLevel(), facts.offenderId());
    }

    public void erased(UUID offenderId) {
        execute("delete from open_item where offender_id = ?", offenderId);
    }

    private void execute(String sql, Object... params) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not update open items", e);
        }
    }
}
