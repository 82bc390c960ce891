package uk.police.oversight.audit.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.police.oversight.common.audit.AuditAction;
import uk.police.oversight.common.audit.AuditOutcome;

/** One entry of the audit log. */
@Schema(requiredProperties = {"id", "at", "actor", "roles", "action", "outcome", "offenderIds", "service"}, name = "AuditEvent")
public record AuditEventView(
        @Schema(examples = "1234") long id,
        Instant at,
        @Schema(description = "Subject of the caller's token", examples = "dc.morgan") String actor,
        @Schema(examples = "[\"offender-manager\"]") List<String> roles,
        AuditAction action,
        @Schema(description = "GRANTED: the processing took place; REFUSED: it was asked for and refused (a role that "
                + "does not allow it, or a record outside the caller's areas)") AuditOutcome outcome,
        List<UUID> offenderIds,
        @Schema(examples = "offender-service") String service,
        String requestId,
        @Schema(description = "The caller's X-Justification header", examples = "Pre-visit check") String justification,
        @Schema(examples = "GET /api/v1/offenders/0b6f3c52-7f0e-4d7a-a3a4-1f3b5c2d9e80") String detail) {
}
