package uk.police.oversight.offender.api;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.police.oversight.offender.model.StaffRole;

/** A staff member as clients see them. */
@Schema(requiredProperties = {"id", "staffNumber", "name", "email", "role", "areaCode", "active"}, name = "Staff")
public record StaffView(
        @Schema(examples = "3f1c2a9e-8d4b-4c1e-9f2a-6b7d8e9f0a1b") UUID id,
        @Schema(examples = "BRS-0042") String staffNumber,
        @Schema(examples = "DC Alex Morgan") String name,
        @Schema(examples = "alex.morgan@force.police.example") String email,
        StaffRole role,
        @Schema(examples = "BRS") String areaCode,
        boolean active) {
}
