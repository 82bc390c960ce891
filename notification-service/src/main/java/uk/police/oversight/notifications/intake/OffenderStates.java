package uk.police.oversight.notifications.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * What this service knows of each offender, from events that may arrive in any order: the facts of the newest
 * version of their record seen so far, the latest completed home visit heard of, and whether they were erased.
 * Every change is a conditional upsert, so whichever order events come in, the row ends the same.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OffenderStates {

    /** The known state of an offender. {@code version} is -1 when only visits are known. */
    public record State(UUID offenderId, long version, String status, String managementMode, String areaCode,
            UUID managerId, String riskLevel, LocalDate lastVisitOn, boolean erased) {

        boolean inScopeForVisits() {
            return "IN_COMMUNITY".equals(status) && !"REACTIVE".equals(managementMode);
        }
    }

    @Inject
    DataSource dataSource;

    /** Applies an offender's facts if they are newer than those known; answers whether they were. */
    public boolean facts(long version, OffenderFactsData facts) {
        return update("""
                insert into offender_state (offender_id, version, status, management_mode, area_code, manager_id, risk_level)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (offender_id) do update set version = excluded.version, status = excluded.status,
                    management_mode = excluded.management_mode, area_code = excluded.area_code,
                    manager_id = excluded.manager_id, risk_level = excluded.risk_level, updated_at = now()
                where offender_state.version < excluded.version and not offender_state.erased""",
                facts.offenderId(), version, facts.status(), facts.managementMode(), facts.areaCode(), facts.managerId(),
                facts.riskLevel()) == 1;
    }

    /**
     * Takes an announcement's facts (who manages the offender, where, at what risk; in the community, and actively
     * managed when it is about visits) when they come from a newer version of the record than the one known, so that
     * an older offender event arriving later cannot undo them.
     */
    public void announced(ComplianceEventData data, boolean aboutVisits) {
        update("""
                insert into offender_state (offender_id, version, status, management_mode, area_code, manager_id, risk_level)
                values (?, ?, 'IN_COMMUNITY', ?, ?, ?, ?)
                on conflict (offender_id) do update set version = excluded.version, status = excluded.status,
                    management_mode = coalesce(excluded.management_mode, offender_state.management_mode),
                    area_code = excluded.area_code, manager_id = excluded.manager_id, risk_level = excluded.risk_level,
                    updated_at = now()
                where offender_state.version < excluded.version and not offender_state.erased""",
                data.offenderId(), data.offenderVersion(), aboutVisits ? "ACTIVE" : null, data.areaCode(), data.managerId(),
                data.riskLevel());
    }

    /** Records a completed home visit; the latest one heard of is kept, whatever order visits arrive in. */
    public void visited(UUID offenderId, LocalDate visitDate) {
        update("""
                insert into offender_state (offender_id, version, last_visit_on) values (?, -1, ?)
                on conflict (offender_id) do update set last_visit_on = greatest(offender_state.last_visit_on, excluded.last_visit_on),
                    updated_at = now()""", offenderId, visitDate);
    }

    /** Marks an offender erased: nothing about them is kept or announced again, whatever arrives later. */
    public void erased(UUID offenderId) {
        update("""
                insert into offender_state (offender_id, version, erased) values (?, 9223372036854775807, true)
                on conflict (offender_id) do update set erased = true, status = null, management_mode = null,
                    area_code = null, manager_id = null, risk_level = null, version = 9223372036854775807,
                    updated_at = now()""", offenderId);
    }

    public Optional<State> of(UUID offenderId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select version, status, management_mode, area_code,"
                        + " manager_id, risk_level, last_visit_on, erased from offender_state where offender_id = ?")) {
            select.setObject(1, offenderId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new State(offenderId, rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, UUID.class), rs.getString(6), rs.getObject(7, LocalDate.class), rs.getBoolean(8)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the state of offender " + offenderId, e);
        }
    }

    private int update(String sql, Object... params) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not keep the state of an offender", e);
        }
    }
}
