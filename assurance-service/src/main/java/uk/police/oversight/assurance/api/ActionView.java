package uk.police.oversight.assurance.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.police.oversight.assurance.action.ActionSource;
import uk.police.oversight.assurance.action.ActionStatus;
import uk.police.oversight.assurance.snapshot.Rag;

/** An action on the tracker with its updates, rated. */
@Schema(name = "Action", requiredProperties = {"id", "reference", "source", "title", "description", "owner", "dueOn",
        "status", "createdAt", "changedAt", "updates"})
public record ActionView(
        UUID id,
        @Schema(examples = "AFI-2022-03") String reference,
        ActionSource source,
        String title,
        String description,
        String owner,
        UUID ownerStaffId,
        @Schema(examples = "2023-03-31") LocalDate dueOn,
        ActionStatus status,
        @Schema(description = "CLOSED: absent; past dueOn: RED; due within 28 days: AMBER; else GREEN") Rag rag,
        Criterion closureCriterion,
        @Schema(description = "Whether the latest MONTHLY snapshots meet the criterion (absent without one)") Boolean criterionMet,
        Instant createdAt,
        @Schema(description = "When it or an update last changed") Instant changedAt,
        @Schema(description = "Oldest first; append-only") List<Update> updates) {

    /** One update. */
    @Schema(name = "ActionUpdate", requiredProperties = {"at", "by", "note"})
    public record Update(Instant at, @Schema(examples = "pcc-office") String by, ActionStatus status, String note,
            String overrideReason) {
    }
}
