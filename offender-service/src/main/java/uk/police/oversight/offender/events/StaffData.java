package uk.police.oversight.offender.events;

import java.util.UUID;
import uk.police.oversight.offender.model.Staff;

/** The payload of staff.changed: who a notification goes to. */
public record StaffData(UUID staffId, long version, String staffNumber, String name, String email, String role,
        String areaCode, boolean active) {

    public static StaffData of(Staff s) {
        return new StaffData(s.id, s.version, s.staffNumber, s.name, s.email, s.role.name(), s.areaCode, s.active);
    }
}
