package uk.police.oversight.visits.model;

/** How a visit went. */
public enum VisitOutcome {
    COMPLETED, NO_ACCESS, CANCELLED
}
