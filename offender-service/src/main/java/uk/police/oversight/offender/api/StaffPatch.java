package uk.police.oversight.offender.api;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.police.oversight.offender.model.StaffRole;

/**
 * The body of PATCH /staff/{id}, a JSON merge patch (RFC 7396): the fields to change, each optional. The staff number
 * identifies the member and does not change; a manager who holds a caseload keeps their role, area and being active
 * until it is handed over.
 */
@Schema(name = "StaffPatch", description = "Fields to change (JSON merge patch)")
public record StaffPatch(
        @Size(min = 1, max = 100) @Schema(examples = "DC Alex Morgan") String name,
        @Size(max = 254) @Schema(format = "email", examples = "alex.morgan@force.police.example") String email,
        StaffRole role,
        @Size(max = 20) @Schema(examples = "BRS") String areaCode,
        @Schema(description = "false for a leaver", examples = "false") Boolean active) {
}
