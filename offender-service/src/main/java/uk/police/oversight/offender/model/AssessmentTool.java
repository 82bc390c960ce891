package uk.police.oversight.offender.model;

/** The actuarial tool a risk assessment used. */
public enum AssessmentTool {
    ARMS, RM2000, OTHER
}
