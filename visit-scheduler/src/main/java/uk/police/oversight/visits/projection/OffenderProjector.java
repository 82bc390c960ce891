package uk.police.oversight.visits.projection;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import uk.police.oversight.common.events.CloudEvent;
import uk.police.oversight.common.events.EventTypes;
import uk.police.oversight.messaging.DeliveryBatches;
import uk.police.oversight.messaging.EventEnvelopes;
import uk.police.oversight.messaging.Inbox;

/**
 * Keeps the offender and staff projections current from offender-service's events. Idempotent twice over: the inbox drops a
 * redelivered event, and a row only ever moves to a newer (or the same) version of the offender's record.
 */
@ApplicationScoped
public class OffenderProjector {

    static final String CONSUMER = "visit-scheduler";
    private static final Logger LOG = Logger.getLogger(OffenderProjector.class);

    @Inject
    EventEnvelopes envelopes;

    @Inject
    Inbox inbox;

    @Inject
    DataSource dataSource;

    @Inject
    ProjectionRebuild rebuild;

    @Inject
    DeliveryBatches batches;

    /** Each delivery in a transaction shared with the others waiting (DeliveryBatches), acknowledged once committed. */
    @Incoming("offender-events")
    @Blocking(value = DeliveryBatches.WORKERS, ordered = false)
    public void receive(Object payload) {
        batches.handle("offender-events", payload, this::apply);
    }

    private void apply(CloudEvent event) {
        if (!inbox.firstDelivery(event.id(), CONSUMER, event.type())) {
            return;
        }
        switch (event.type()) {
            case EventTypes.OFFENDER_REGISTERED, EventTypes.OFFENDER_CHANGED -> project(envelopes.data(event, OffenderFactsData.class));
            case EventTypes.OFFENDER_SNAPSHOT -> {
                OffenderFactsData facts = envelopes.data(event, OffenderFactsData.class);
                project(facts);
                if (facts.replayId() != null) {
                    refreshed(facts.offender(), facts.replayId());
                }
            }
            case EventTypes.OFFENDER_REPLAY_COMPLETED -> rebuild.replayCompleted(UUID.fromString(event.data().get("replayId").asText()),
                    event.data().get("offenders").asLong());
            case EventTypes.OFFENDER_ERASED -> erase(UUID.fromString(event.data().get("offenderId").asText()));
            case EventTypes.STAFF_CHANGED -> projectStaff(envelopes.data(event, StaffFactsData.class));
            default -> LOG.debugf("Not projected: %s", event.type());
        }
    }

    /** Inserts or updates the projection row, unless it already reflects a newer version or the offender was erased. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void project(OffenderFactsData facts) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement("""
                        insert into offender_projection (offender_id, version, pnc_id, display_name, risk_level,
                            management_mode, status, status_since, area_code, manager_id, registered_on,
                            notification_ends_on, visit_interval_months, last_risk_assessment_on, updated_at)
                        select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now()
                        where not exists (select 1 from erased_offender e where e.offender_id = ?)
                        on conflict (offender_id) do update set version = excluded.version, pnc_id = excluded.pnc_id,
                            display_name = excluded.display_name, risk_level = excluded.risk_level,
                            management_mode = excluded.management_mode, status = excluded.status,
                            status_since = excluded.status_since, area_code = excluded.area_code,
                            manager_id = excluded.manager_id, registered_on = excluded.registered_on,
                            notification_ends_on = excluded.notification_ends_on,
                            visit_interval_months = excluded.visit_interval_months,
                            last_risk_assessment_on = excluded.last_risk_assessment_on, updated_at = now()
                        where offender_projection.version <= excluded.version""")) {
            UUID id = facts.offender();
            upsert.setObject(1, id);
            upsert.setLong(2, facts.version());
            upsert.setString(3, facts.pncId());
            upsert.setString(4, facts.name());
            upsert.setString(5, facts.riskLevel());
            upsert.setString(6, facts.managementMode());
            upsert.setString(7, facts.status());
            upsert.setObject(8, facts.statusSince());
            upsert.setString(9, facts.areaCode());
            upsert.setObject(10, facts.managerId());
            upsert.setObject(11, facts.registeredOn());
            upsert.setObject(12, facts.notificationEndsOn());
            upsert.setObject(13, facts.visitIntervalMonths(), java.sql.Types.SMALLINT);
            upsert.setObject(14, facts.lastRiskAssessmentOn());
            upsert.setObject(15, id);
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not project offender " + facts.offender(), e);
        }
    }

    /**
     * Marks an offender's row as refreshed by a replay (whatever its version: a newer change that arrived first has
     * left the row newer than the snapshot, and that row is as current as a rebuild needs).
     */
    void refreshed(UUID offenderId, UUID replayId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "update offender_projection set refreshed_by = ?, updated_at = now() where offender_id = ?")) {
            update.setObject(1, replayId);
            update.setObject(2, offenderId);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not mark offender " + offenderId + " refreshed", e);
        }
    }

    /** Inserts or updates a staff member's row, unless it already reflects a newer version. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void projectStaff(StaffFactsData staff) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement("""
                        insert into staff_projection (staff_id, version, area_code, role, active, updated_at)
                        values (?, ?, ?, ?, ?, now())
                        on conflict (staff_id) do update set version = excluded.version, area_code = excluded.area_code,
                            role = excluded.role, active = excluded.active, updated_at = now()
                        where staff_projection.version <= excluded.version""")) {
            upsert.setObject(1, staff.staff());
            upsert.setLong(2, staff.version() == null ? -1 : staff.version());
            upsert.setString(3, staff.areaCode());
            upsert.setString(4, staff.role());
            upsert.setBoolean(5, staff.active() == null || staff.active());
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not project staff member " + staff.staff(), e);
        }
    }

    /** Forgets an erased offender: the projection row, their visits and what was announced about them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(UUID offenderId) {
        try (Connection connection = dataSource.getConnection()) {
            for (String sql : new String[] {
                    "insert into erased_offender (offender_id) values (?) on conflict do nothing",
                    "delete from offender_projection where offender_id = ?",
                    "delete from visit where offender_id = ?",
                    "delete from compliance_event where offender_id = ?"}) {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    statement.setObject(1, offenderId);
                    statement.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not erase offender " + offenderId, e);
        }
    }
}
