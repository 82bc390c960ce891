package uk.police.oversight.offender.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.police.oversight.offender.model.ManagementMode;

/**
 * The body of PATCH /offenders/{id}, a JSON merge patch (RFC 7396): the fields to change, each optional; null removes
 * an optional field. The PNC id, risk level and status change elsewhere (a new registration, a risk assessment, a
 * status change); the patched record is checked as a whole, as a registration is.
 */
@Schema(name = "OffenderPatch", description = "Fields to change (JSON merge patch); null removes an optional field")
public record OffenderPatch(
        @Size(min = 1, max = 100) @Schema(examples = "Jordan") String firstName,
        @Size(min = 1, max = 100) @Schema(examples = "Hale") String lastName,
        @Schema(examples = "1979-04-12") LocalDate dateOfBirth,
        @Schema(description = "The fields of the address to change") AddressPatch address,
        @Min(1) @Max(4) @Schema(examples = "1") Integer mappaCategory,
        @Min(1) @Max(3) @Schema(examples = "1") Integer mappaLevel,
        ManagementMode managementMode,
        @Size(max = 20) @Schema(description = "A move to another area comes with a manager of that area", examples = "BRS")
        String areaCode,
        @Schema(description = "An active offender manager of the offender's area") UUID managerId,
        @Size(max = 20) @Schema(description = "The manager by staff number, instead of managerId", examples = "BRS-0042", nullable = true)
        String managerStaffNumber,
        @Schema(examples = "2019-03-01") LocalDate registeredOn,
        @Schema(description = "null: indefinite", examples = "2029-03-01", nullable = true) LocalDate notificationEndsOn,
        @Min(1) @Max(24) @Schema(description = "null: the policy's interval", examples = "2", nullable = true) Integer visitIntervalMonths) {

    /** The fields of an address to change; null removes line2. */
    @Schema(name = "AddressPatch", description = "Fields of the address to change")
    public record AddressPatch(
            @Size(min = 1, max = 200) @Schema(examples = "3 Mill Lane") String line1,
            @Size(max = 200) @Schema(examples = "Bedminster", nullable = true) String line2,
            @Size(min = 1, max = 100) @Schema(examples = "Bristol") String town,
            @Size(max = 10) @Schema(examples = "BS3 1AA", pattern = "\\s*[A-Za-z]{1,2}[0-9][A-Za-z0-9]?\\s*[0-9][A-Za-z]{2}\\s*") String postcode) {
    }
}
