package uk.police.oversight.assurance.action;

/** Where a tracked action came from. */
public enum ActionSource {
    HMICFRS_RECOMMENDATION, HMICFRS_AFI, CAUSE_OF_CONCERN, ACCOUNTABILITY_MEETING, ASSURANCE_PANEL
}
