package uk.police.oversight.offender.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.police.oversight.common.input.SingleLine;
import uk.police.oversight.offender.model.StaffRole;

/** A staff member to create, or the result of merge-patching one. */
@Schema(name = "StaffRequest")
public record StaffRequest(
        @NotNull @Size(max = 20) @Pattern(regexp = "[A-Za-z0-9/_-]{1,20}", message = "must be 1 to 20 letters, digits, /, _ or -")
        @Schema(description = "The force's own staff number; unique", examples = "BRS-0042", required = true)
        String staffNumber,
        @NotBlank @Size(max = 100) @SingleLine
        @Schema(examples = "DC Alex Morgan", required = true)
        String name,
        @NotBlank @Email @Size(max = 254)
        @Schema(description = "Where notifications are sent", examples = "alex.morgan@force.police.example", required = true)
        String email,
        @NotNull
        @Schema(required = true)
        StaffRole role,
        @NotBlank @Size(max = 20)
        @Schema(examples = "BRS", required = true)
        String areaCode,
        @Schema(description = "Defaults to true", examples = "true")
        Boolean active) {
}
