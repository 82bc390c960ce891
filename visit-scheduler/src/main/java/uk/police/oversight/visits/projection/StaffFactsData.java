package uk.police.oversight.visits.projection;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;

/**
 * The staff facts visit-scheduler projects, as offender-service publishes them (staff.changed) or answers
 * GET /staff/{id} (whose ETag is the version). Unknown fields are ignored so the publisher can add some.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StaffFactsData(UUID staffId, UUID id, Long version, String areaCode, String role, Boolean active) {

    /** The staff member's id, whichever name the source gave it (`staffId` in events, `id` in the API). */
    public UUID staff() {
        return staffId != null ? staffId : id;
    }
}
