package uk.police.oversight.common.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One entry of the audit log as every service produces it. offender-service stores it; other services send it as an
 * `oversight.audit.recorded` event through their outbox so that no entry is lost when the broker is down. An entry
 * without an outcome (from a service that predates it) is a GRANTED one.
 */
public record AuditRecord(
        UUID id,
        Instant at,
        String actor,
        List<String> roles,
        AuditAction action,
        List<UUID> offenderIds,
        String service,
        String requestId,
        String justification,
        String detail,
        AuditOutcome outcome) {

    /** An entry for processing that took place (the usual case). */
    public static AuditRecord granted(Instant at, String actor, List<String> roles, AuditAction action, List<UUID> offenderIds,
            String service, String requestId, String justification, String detail) {
        return new AuditRecord(null, at, actor, roles, action, offenderIds, service, requestId, justification, detail,
                AuditOutcome.GRANTED);
    }
}
