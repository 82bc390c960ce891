package uk.police.oversight.notifications.intake;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;

/** The payload of staff.changed. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StaffData(UUID staffId, long version, String staffNumber, String name, String email, String role,
        String areaCode, boolean active) {
}
