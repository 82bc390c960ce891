package uk.police.oversight.audit;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.police.oversight.common.audit.AuditAction;
import uk.police.oversight.common.audit.AuditOutcome;
import uk.police.oversight.common.audit.AuditRecord;
import uk.police.oversight.common.events.EventTypes;
import uk.police.oversight.testing.EventContract;

/**
 * audit-service's side of the audit addresses' contract: entries made by the record every producer's AuditTrail sends
 * ({@link AuditRecord}, granted and refused), enveloped as their outboxes do, must be the message
 * docs/events.asyncapi.yaml documents on each service's audit address, and are then stored with every field.
 */
@QuarkusTest
class AuditEventsContractTest extends AuditServiceTest {

    private static final EventContract CONTRACT = EventContract.ofRepository();

    @Inject
    ObjectMapper objectMapper;

    @Test
    void theProducersEntriesAreTheDocumentedMessageOnEachAuditAddressAndAreStoredWhole() {
        UUID offender = UUID.randomUUID();
        List<String> services = List.of("offender-service", "visit-scheduler", "notification-service", "assurance-service");
        for (String service : services) {
            Instant at = Instant.parse("2026-02-01T09:30:00Z").plusSeconds(60L * services.indexOf(service));
            AuditRecord granted = AuditRecord.granted(at, "dc.contract", List.of("offender-manager"), AuditAction.CONSULT,
                    List.of(offender), service, "req-" + service, "Monthly review", "GET /api/v1/offenders/" + offender);
            AuditRecord refused = new AuditRecord(null, at.plusSeconds(1), "dc.contract", List.of("offender-manager"),
                    AuditAction.CONSULT, List.of(offender), service, "req-refused-" + service, null, "GET /api/v1/offenders/"
                    + offender, AuditOutcome.REFUSED);
            sendAs(service, envelope(service, granted), envelope(service, refused));
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> stored("dc.contract") == 8);
        as(ADMIN).queryParam("actor", "dc.contract").queryParam("sort", "at,asc").queryParam("outcome", "GRANTED").get(AUDIT_EVENTS)
                .then().statusCode(200)
                .body("items.service", contains("offender-service", "visit-scheduler", "notification-service", "assurance-service"))
                .body("items[0].at", equalTo("2026-02-01T09:30:00Z"))
                .body("items[0].roles", contains("offender-manager"))
                .body("items[0].action", equalTo("CONSULT"))
                .body("items[0].offenderIds", contains(offender.toString()))
                .body("items[0].requestId", equalTo("req-offender-service"))
                .body("items[0].justification", equalTo("Monthly review"))
                .body("items[0].detail", equalTo("GET /api/v1/offenders/" + offender));
        as(ADMIN).queryParam("actor", "dc.contract").queryParam("outcome", "REFUSED").get(AUDIT_EVENTS).then()
                .body("totalItems", equalTo(4));
    }

    /** The entry in its envelope as the service's outbox writes it, once the contract has it. */
    private String envelope(String service, AuditRecord entry) {
        return CONTRACT.envelope(objectMapper, EventTypes.auditAddressOf(service), "/" + service, EventTypes.AUDIT_RECORDED, null, entry);
    }
}
