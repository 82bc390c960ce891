package uk.police.oversight.offender.model;

/** How an offender is managed; reactively managed offenders get no scheduled visits. */
public enum ManagementMode {
    ACTIVE, REACTIVE
}
