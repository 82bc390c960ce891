package uk.police.oversight.offender.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.police.oversight.common.input.SingleLine;
import uk.police.oversight.offender.model.ManagementMode;
import uk.police.oversight.offender.model.OffenderStatus;
import uk.police.oversight.offender.model.RiskLevel;

/**
 * An offender to register (POST /offenders, an item of POST /offenders/batch), or the record after a merge patch.
 * Either {@code managerId} or {@code managerStaffNumber} names the offender manager.
 */
@Schema(name = "OffenderRequest", description = "An offender to register or upsert. Name the manager by managerId or managerStaffNumber.")
public record OffenderRequest(
        @NotBlank @Size(max = 20)
        @Schema(description = "PNC id in any accepted form (YYYY/NNNNNNNC, YY/N…C, without the slash); stored canonical",
                examples = "79/163001B", required = true)
        String pncId,
        @NotBlank @Size(max = 100) @SingleLine @Schema(examples = "Jordan", required = true) String firstName,
        @NotBlank @Size(max = 100) @SingleLine @Schema(examples = "Hale", required = true) String lastName,
        @NotNull @Schema(examples = "1979-04-12", required = true) LocalDate dateOfBirth,
        @NotNull @Valid @Schema(required = true) AddressDto address,
        @NotNull @Min(1) @Max(4) @Schema(examples = "1", required = true) Integer mappaCategory,
        @NotNull @Min(1) @Max(3) @Schema(examples = "1", required = true) Integer mappaLevel,
        @NotNull @Schema(required = true) RiskLevel riskLevel,
        @Schema(description = "Defaults to ACTIVE") ManagementMode managementMode,
        @Schema(description = "Defaults to IN_COMMUNITY") OffenderStatus status,
        @Schema(description = "Defaults to registeredOn", examples = "2019-03-01") LocalDate statusSince,
        @NotBlank @Size(max = 20) @Schema(examples = "BRS", required = true) String areaCode,
        @Schema(description = "Id of the offender manager") UUID managerId,
        @Size(max = 20) @Schema(description = "Staff number of the offender manager, instead of managerId", examples = "BRS-0042")
        String managerStaffNumber,
        @NotNull @Schema(examples = "2019-03-01", required = true) LocalDate registeredOn,
        @Schema(description = "Absent means indefinite", examples = "2029-03-01") LocalDate notificationEndsOn,
        @Min(1) @Max(24) @Schema(description = "Override of the policy's visit interval, in months", examples = "2")
        Integer visitIntervalMonths,
        @Schema(examples = "2022-01-15") LocalDate lastRiskAssessmentOn) {
}
