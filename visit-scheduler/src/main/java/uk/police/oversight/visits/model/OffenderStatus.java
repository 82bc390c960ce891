package uk.police.oversight.visits.model;

/** Where an offender is; only IN_COMMUNITY offenders are visited. */
public enum OffenderStatus {
    IN_COMMUNITY, IN_CUSTODY, IN_HOSPITAL, ABROAD, MISSING, TRANSFERRED_OUT, DECEASED, NOTIFICATION_ENDED
}
