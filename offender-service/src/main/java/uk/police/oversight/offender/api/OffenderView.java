package uk.police.oversight.offender.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.police.oversight.offender.model.ManagementMode;
import uk.police.oversight.offender.model.OffenderStatus;
import uk.police.oversight.offender.model.RiskLevel;

/** An offender's record as clients see it (SPEC section 3). */
@Schema(requiredProperties = {"id", "pncId", "firstName", "lastName", "dateOfBirth", "address", "mappaCategory", "mappaLevel", "riskLevel", "managementMode", "status", "statusSince", "areaCode", "managerId", "registeredOn", "version", "createdAt", "updatedAt"}, name = "Offender")
public record OffenderView(
        @Schema(examples = "0b6f3c52-7f0e-4d7a-a3a4-1f3b5c2d9e80") UUID id,
        @Schema(description = "Canonical PNC id", examples = "2008/0056560Z") String pncId,
        @Schema(examples = "Jordan") String firstName,
        @Schema(examples = "Hale") String lastName,
        @Schema(examples = "1979-04-12") LocalDate dateOfBirth,
        AddressDto address,
        @Schema(description = "MAPPA category 1–4", examples = "1") int mappaCategory,
        @Schema(description = "MAPPA level 1–3", examples = "1") int mappaLevel,
        RiskLevel riskLevel,
        ManagementMode managementMode,
        OffenderStatus status,
        @Schema(description = "Date the current status began", examples = "2019-03-01") LocalDate statusSince,
        @Schema(examples = "BRS") String areaCode,
        @Schema(description = "Id of the offender manager (a staff member)") UUID managerId,
        @Schema(examples = "2019-03-01") LocalDate registeredOn,
        @Schema(description = "End of the notification requirements; absent means indefinite", examples = "2029-03-01")
        LocalDate notificationEndsOn,
        @Schema(description = "Visit interval set by the risk management plan, overriding the policy", examples = "2")
        Integer visitIntervalMonths,
        @Schema(examples = "2022-01-15") LocalDate lastRiskAssessmentOn,
        @Schema(description = "Version of the record; the ETag carries it", examples = "3") long version,
        Instant createdAt,
        Instant updatedAt) {
}
