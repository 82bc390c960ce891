package uk.police.oversight.notifications.intake;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import uk.police.oversight.common.events.CloudEvent;
import uk.police.oversight.common.events.EventTypes;
import uk.police.oversight.messaging.DeliveryBatches;
import uk.police.oversight.messaging.EventEnvelopes;
import uk.police.oversight.messaging.Inbox;

/**
 * Keeps what this service needs from offender-service's events: staff contact details (who a notification goes to)
 * and changes of an offender's manager, area or status (which move or resolve their open items), applied only
 * when they come from a newer version of the record than the newest known, whatever order they arrive in.
 */
@ApplicationScoped
public class StaffIntake {

    @Inject
    EventEnvelopes envelopes;

    @Inject
    Inbox inbox;

    @Inject
    OpenItems openItems;

    @Inject
    OffenderStates states;

    @Inject
    DataSource dataSource;

    @Inject
    DeliveryBatches batches;

    /** Each delivery in a transaction shared with the others waiting (DeliveryBatches), acknowledged once committed. */
    @Incoming("offender-events")
    @Blocking(value = DeliveryBatches.WORKERS, ordered = false)
    public void receive(Object payload) {
        batches.handle("offender-events", payload, this::apply);
    }

    private void apply(CloudEvent event) {
        if (!inbox.firstDelivery(event.id(), ComplianceIntake.CONSUMER, event.type())) {
            return;
        }
        switch (event.type()) {
            case EventTypes.STAFF_CHANGED -> staff(envelopes.data(event, StaffData.class));
            case EventTypes.OFFENDER_REGISTERED, EventTypes.OFFENDER_CHANGED, EventTypes.OFFENDER_SNAPSHOT -> {
                OffenderFactsData facts = envelopes.data(event, OffenderFactsData.class);
                // Only a newer version of the record than the newest known moves or resolves open items.
                if (states.facts(facts.version(), facts)) {
                    states.of(facts.offenderId()).ifPresent(openItems::offenderChanged);
                }
            }
            case EventTypes.OFFENDER_ERASED -> {
                UUID offenderId = UUID.fromString(event.data().get("offenderId").asText());
                states.erased(offenderId);
                openItems.erased(offenderId);
            }
            default -> {
                // Risk assessments need no notification.
            }
        }
    }

    /** Upserts a staff member's contact details, never going back to an older version. */
    void staff(StaffData staff) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement("""
                        insert into staff_contact (staff_id, version, staff_number, name, email, role, area_code, active)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (staff_id) do update set version = excluded.version, staff_number = excluded.staff_number,
                            name = excluded.name, email = excluded.email, role = excluded.role,
                            area_code = excluded.area_code, active = excluded.active, updated_at = now()
                        where staff_contact.version <= excluded.version""")) {
            upsert.setObject(1, staff.staffId());
            upsert.setLong(2, staff.version());
            upsert.setString(3, staff.staffNumber());
            upsert.setString(4, staff.name());
            upsert.setString(5, staff.email());
            upsert.setString(6, staff.role());
            upsert.setString(7, staff.areaCode());
            upsert.setBoolean(8, staff.active());
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not keep staff member " + staff.staffId(), e);
        }
    }
}
