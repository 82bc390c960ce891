package uk.police.oversight.offender.model;

/** The risk an offender poses, set by a risk assessment. */
public enum RiskLevel {
    LOW, MEDIUM, HIGH, VERY_HIGH
}
