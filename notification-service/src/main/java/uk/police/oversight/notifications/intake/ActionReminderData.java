package uk.police.oversight.notifications.intake;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.UUID;

/** What this service reads of assurance-service's action reminders (docs/events.asyncapi.yaml). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ActionReminderData(UUID actionId, String reference, String title, UUID ownerStaffId, LocalDate dueOn,
        String status) {
}
