package uk.police.oversight.assurance.sample;

/** A panel member's judgement of how a case was managed. */
public enum Grade {
    CONSISTENT, APPROPRIATE_WITH_OBSERVATIONS, INAPPROPRIATE, NO_CONCLUSION
}
