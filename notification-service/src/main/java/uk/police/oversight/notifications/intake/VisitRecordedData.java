package uk.police.oversight.notifications.intake;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.UUID;

/** The payload of visit.recorded. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VisitRecordedData(UUID visitId, UUID offenderId, LocalDate visitDate, String type, String outcome,
        String areaCode, UUID managerId) {
}
