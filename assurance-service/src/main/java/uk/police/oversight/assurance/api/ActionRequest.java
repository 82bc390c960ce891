package uk.police.oversight.assurance.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.police.oversight.assurance.action.ActionSource;
import uk.police.oversight.assurance.action.ActionStatus;

/** A new action for the tracker. */
@Schema(name = "ActionRequest", requiredProperties = {"reference", "source", "title", "description", "owner", "dueOn"})
public record ActionRequest(
        @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._/-]*", message = "letters, digits and . _ / - only")
        @Schema(description = "The force's own reference, unique", examples = "AFI-2022-03") String reference,
        @NotNull ActionSource source,
        @NotBlank @Size(max = 200) @Schema(examples = "Reduce the number of overdue RSO home visits") String title,
        @NotBlank @Size(max = 4000) @Schema(examples = "HMICFRS found 217 registered sex offenders overdue a home visit.")
        String description,
        @NotBlank @Size(max = 200) @Schema(description = "Who answers for it (a role or a person)",
                examples = "Detective Superintendent, Public Protection") String owner,
        @Schema(description = "The owner's staff id, when a staff member: they are emailed 14 days before dueOn and when it passes")
        UUID ownerStaffId,
        @NotNull @Schema(examples = "2023-03-31") LocalDate dueOn,
        @Schema(description = "Default AWAITING_ALLOCATION; an action cannot start CLOSED") ActionStatus status,
        @Valid @Schema(description = "What must be true, over consecutive MONTHLY snapshots, before it may be closed")
        Criterion closureCriterion) {
}
