package uk.police.oversight.assurance.action;

/** Where a tracked action stands. */
public enum ActionStatus {
    AWAITING_ALLOCATION, IN_PROGRESS, PENDING_SIGN_OFF, CLOSED
}
