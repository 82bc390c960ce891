package uk.police.oversight.visits.model;

/** The risk an offender poses. */
public enum RiskLevel {
    LOW, MEDIUM, HIGH, VERY_HIGH
}
