package uk.police.oversight.offender.events;

import java.util.UUID;

/** The payload of staff.changed: who a notification goes to. */
public record StaffData(UUID staffId, long version, String staffNumber, String name, String email, String role,
        String areaCode, boolean active) {
}
