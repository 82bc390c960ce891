package uk.police.oversight.visits.model;

/** What kind of contact a visit was. */
public enum VisitType {
    HOME_VISIT, OTHER_CONTACT
}
