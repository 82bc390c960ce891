package uk.police.oversight.common.audit;

/** Whether the processing an audit entry records took place, or was attempted and refused. */
public enum AuditOutcome {
    /** The caller was given, or changed, the data. */
    GRANTED,
    /** The caller asked and was refused: a role that does not allow it (403), or a record outside their areas (404). */
    REFUSED
}
