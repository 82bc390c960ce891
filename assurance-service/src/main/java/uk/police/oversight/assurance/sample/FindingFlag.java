package uk.police.oversight.assurance.sample;

/** What a panel member may point out about a case: a fixed list, so that a report can count them and no flag names anyone. */
public enum FindingFlag {
    /** A home visit was overdue and nothing on the file explains it. */
    VISIT_OVERDUE,
    /** The risk review was overdue. */
    RISK_REVIEW_OVERDUE,
    /** Repeated no-access visits without a follow-up (a warrant, an unannounced visit). */
    NO_ACCESS_NOT_FOLLOWED_UP,
    /** Visits did not follow the interval the risk level calls for. */
    INTERVAL_NOT_FOLLOWED,
    /** The risk level does not look right for what the file shows. */
    RISK_LEVEL_QUESTIONED,
    /** No unannounced visits where they would be expected. */
    NO_UNANNOUNCED_VISITS,
    /** Too little is recorded to judge. */
    RECORD_INCOMPLETE,
    /** Something done well, worth sharing. */
    GOOD_PRACTICE
}
