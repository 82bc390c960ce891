package uk.police.oversight.common.audit;

import java.util.Collection;
import java.util.UUID;

/**
 * Records refused attempts in the audit log (DPA 2018 s.62 asks who tried as well as who saw): a role that does not
 * allow an operation, or a record the caller asked for that is outside their areas. Written in a transaction of its
 * own, since the refused request's own transaction rolls back. Each service provides one.
 */
public interface AccessRefusals {

    /** The current caller was refused {@code action} on these offenders (none, when the refusal named no record). */
    void refused(AuditAction action, Collection<UUID> offenderIds, String detail);

    /** Stores a refusal described in full (an entry with outcome REFUSED), off the thread that refused the request. */
    void refused(AuditRecord entry);
}
