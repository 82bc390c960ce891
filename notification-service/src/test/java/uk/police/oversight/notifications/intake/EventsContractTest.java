package uk.police.oversight.notifications.intake;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.police.oversight.common.events.EventTypes;
import uk.police.oversight.local.LocalMailSink;
import uk.police.oversight.notifications.NotificationApiTest;
import uk.police.oversight.assurance.events.ActionReminderData;
import uk.police.oversight.offender.events.OffenderErasedData;
import uk.police.oversight.offender.events.OffenderFactsData;
import uk.police.oversight.offender.events.RiskAssessmentData;
import uk.police.oversight.offender.events.StaffData;
import uk.police.oversight.testing.EventContract;
import uk.police.oversight.testing.Rows;
import uk.police.oversight.visits.events.ComplianceEventData;
import uk.police.oversight.visits.events.VisitRecordedData;

/**
 * notification-service's side of the contracts of the three addresses it consumes: each payload is made by its
 * producer's own record (offender-service's and visit-scheduler's {@code events} jars), enveloped as their outboxes
 * do, must be the message docs/events.asyncapi.yaml documents on that address, and is then consumed from the broker
 * with the effect this service promises: a contact kept, an offender's state followed, an overdue notice emailed and
 * resolved by a visit, an erasure honoured. A producer whose record changes breaks this build, not a deployment.
 */
@QuarkusTest
class EventsContractTest extends NotificationApiTest {

    private static final EventContract CONTRACT = EventContract.ofRepository();

    @Inject
    ObjectMapper objectMapper;

    @Test
    void theProducersRecordsAreTheDocumentedMessagesAndNotificationServiceActsOnThem() {
        String area = newArea("CTN");
        UUID managerId = UUID.randomUUID();
        String email = "contract.manager." + area.toLowerCase() + "@force.example";
        send("/offender-service", EventTypes.STAFF_CHANGED, managerId,
                new StaffData(managerId, 0, "CN-1", "DC Contract Manager", email, "OFFENDER_MANAGER", area, true));
        await().atMost(Duration.ofSeconds(15)).until(() -> row("select name, email, role, area_code, active from staff_contact"
                + " where staff_id = ?", managerId), List.of("DC Contract Manager", email, "OFFENDER_MANAGER", area, "true")::equals);

        UUID offenderId = UUID.randomUUID();
        String pnc = "2001/0000042Z";
        send("/offender-service", EventTypes.OFFENDER_REGISTERED, offenderId, new OffenderFactsData(offenderId, 0, pnc,
                "Contract Offender", "HIGH", "ACTIVE", "IN_COMMUNITY", LocalDate.parse("2021-03-01"), area, managerId,
                LocalDate.parse("2021-02-01"), null, null, null, List.of(), null));
        await().atMost(Duration.ofSeconds(15)).until(() -> row("select version, status, management_mode, area_code, manager_id,"
                + " risk_level from offender_state where offender_id = ?", offenderId),
                List.of("0", "IN_COMMUNITY", "ACTIVE", area, managerId.toString(), "HIGH")::equals);

        send("/visit-scheduler", EventTypes.OFFENDER_BECAME_OVERDUE, offenderId, new ComplianceEventData(offenderId, pnc, "HIGH",
                area, managerId, LocalDate.parse("2022-03-01"), 121, LocalDate.parse("2021-09-01"), LocalDate.parse("2022-06-30"),
                28, 0));
        await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(email).size(), n -> n == 1);
        LocalMailSink.Mail overdue = mailsTo(email).get(0);
        assertEquals("[Oversight] OVERDUE visit: " + pnc + " (HIGH risk) was due 2022-03-01", overdue.subject());
        assertTrue(overdue.text().contains("Days overdue:  121"), overdue.text());
        assertEquals(List.of("2022-03-01"), row("select due_on from open_item where offender_id = ? and kind = 'OVERDUE'", offenderId));

        send("/visit-scheduler", EventTypes.VISIT_RECORDED, offenderId, new VisitRecordedData(UUID.randomUUID(), offenderId,
                LocalDate.parse("2022-07-01"), "HOME_VISIT", "COMPLETED", area, managerId));
        await().atMost(Duration.ofSeconds(15)).until(() -> row("select last_visit_on from offender_state where offender_id = ?",
                offenderId), List.of("2022-07-01")::equals);
        assertEquals(List.of(), row("select due_on from open_item where offender_id = ?", offenderId), "the visit resolved the item");

        UUID assessment = send("/offender-service", EventTypes.RISK_ASSESSMENT_RECORDED, offenderId,
                new RiskAssessmentData(offenderId, UUID.randomUUID(), LocalDate.parse("2022-07-02"), "HIGH", "ARMS", true));
        await().atMost(Duration.ofSeconds(15)).until(() -> !row("select type from inbox_event where event_id = ?", assessment).isEmpty());

        send("/offender-service", EventTypes.OFFENDER_ERASED, offenderId, new OffenderErasedData(offenderId));
        await().atMost(Duration.ofSeconds(15)).until(() -> row("select erased from offender_state where offender_id = ?", offenderId),
                List.of("true")::equals);
        assertEquals(1, mailsTo(email).size(), "one notice, and nothing for the visit, the assessment or the erasure");
    }

    @Test
    void assuranceServicesActionRemindersAreEmailedToTheOwnerOnceEach() {
        String area = newArea("ACT");
        UUID ownerId = UUID.randomUUID();
        String email = "action.owner." + area.toLowerCase() + "@force.example";
        send("/offender-service", EventTypes.STAFF_CHANGED, ownerId,
                new StaffData(ownerId, 0, "AO-1", "DS Action Owner", email, "SUPERVISOR", area, true));
        await().atMost(Duration.ofSeconds(15)).until(() -> row("select email from staff_contact where staff_id = ?", ownerId),
                List.of(email)::equals);

        UUID actionId = UUID.randomUUID();
        ActionReminderData dueSoon = new ActionReminderData(actionId, "AFI-" + area, "Bring RSO home visits up to date", ownerId,
                LocalDate.parse("2022-07-14"), "IN_PROGRESS");
        String json = CONTRACT.envelope(objectMapper, EventTypes.ASSURANCE_ADDRESS, "/assurance-service",
                EventTypes.ACTION_DUE_SOON, actionId, dueSoon);
        send(EventTypes.ASSURANCE_ADDRESS, json);
        send(EventTypes.ASSURANCE_ADDRESS, json);
        await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(email).size(), n -> n == 1);
        LocalMailSink.Mail mail = mailsTo(email).get(0);
        assertEquals("[Oversight] Action due 2022-07-14: AFI-" + area + " Bring RSO home visits up to date", mail.subject());
        assertTrue(mail.text().contains("falls due in 14 days"), mail.text());
        assertTrue(mail.text().contains("DS Action Owner"), mail.text());

        send("/assurance-service", EventTypes.ACTION_OVERDUE, actionId, new ActionReminderData(actionId, "AFI-" + area,
                "Bring RSO home visits up to date", ownerId, LocalDate.parse("2022-07-14"), "IN_PROGRESS"));
        // The same reminder in a second event (another replica's run) is not a second email.
        send("/assurance-service", EventTypes.ACTION_OVERDUE, actionId, new ActionReminderData(actionId, "AFI-" + area,
                "Bring RSO home visits up to date", ownerId, LocalDate.parse("2022-07-14"), "IN_PROGRESS"));
        await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(email).size(), n -> n == 2);
        LocalMailSink.Mail overdue = mailsTo(email).get(1);
        assertEquals("[Oversight] OVERDUE action: AFI-" + area + " Bring RSO home visits up to date was due 2022-07-14",
                overdue.subject());
        assertEquals(List.of(area, "{}"), row("select area_code, offender_ids::text from notification where recipient_id = ?"
                + " and type = 'ACTION_OVERDUE'", ownerId));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> mailsTo(email).size() == 2);
    }

    /** Sends the producer's record to the address the producer sends it to, once the contract has it; the event id. */
    private UUID send(String source, String type, UUID subject, Object data) {
        String address = switch (source) {
            case "/offender-service" -> EventTypes.OFFENDER_ADDRESS;
            case "/assurance-service" -> EventTypes.ASSURANCE_ADDRESS;
            default -> EventTypes.COMPLIANCE_ADDRESS;
        };
        String json = CONTRACT.envelope(objectMapper, address, source, type, subject, data);
        send(address, json);
        return EventContract.idOf(json);
    }

    private List<String> row(String sql, UUID id) {
        return Rows.first(dataSource, sql, id);
    }
}
