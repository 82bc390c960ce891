package uk.police.oversight.visits.model;

/** ACTIVE offenders get scheduled visits; REACTIVE ones do not. */
public enum ManagementMode {
    ACTIVE, REACTIVE
}
