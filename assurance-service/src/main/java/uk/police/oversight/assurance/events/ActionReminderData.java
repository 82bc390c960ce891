package uk.police.oversight.assurance.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The data of {@code uk.police.oversight.action.due-soon} and {@code …action.overdue} (docs/events.asyncapi.yaml): a
 * tracked action whose owner, a staff member, is to be told it falls due in 14 days, or that it has passed its due
 * date unclosed. No personal data of offenders.
 */
public record ActionReminderData(UUID actionId, String reference, String title, UUID ownerStaffId, LocalDate dueOn,
        String status) {
}
