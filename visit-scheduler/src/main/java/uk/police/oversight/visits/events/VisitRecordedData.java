package uk.police.oversight.visits.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The payload of {@code uk.police.oversight.visit.recorded} on {@code oversight.compliance-events}, as visit-scheduler
 * sends it (docs/events.asyncapi.yaml, {@code visitRecordedData}; EventContractIT holds the two together).
 */
public record VisitRecordedData(UUID visitId, UUID offenderId, LocalDate visitDate, String type, String outcome,
        String areaCode, UUID managerId) {
}
