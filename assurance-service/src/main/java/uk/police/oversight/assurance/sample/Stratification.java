package uk.police.oversight.assurance.sample;

/** What a sample's size is shared across. */
public enum Stratification {
    RISK_LEVEL, AREA
}
