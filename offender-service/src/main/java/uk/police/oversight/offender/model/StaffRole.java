package uk.police.oversight.offender.model;

/** The job of a staff member. */
public enum StaffRole {
    OFFENDER_MANAGER, SUPERVISOR
}
