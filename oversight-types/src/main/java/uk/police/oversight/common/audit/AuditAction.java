package uk.police.oversight.common.audit;

/** The kinds of processing of offender data the audit log records (DPA 2018 s.62). */
public enum AuditAction {
    /** Personal data collected: an offender registered. */
    COLLECT,
    /** Personal data consulted: a record, a list or an export was returned to someone. */
    CONSULT,
    /** Personal data altered. */
    ALTER,
    /** Personal data disclosed outside the system: an email or a webhook. */
    DISCLOSE,
    /** Personal data erased. */
    ERASE
}
