package uk.police.oversight.offender.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A recorded risk assessment; the newest sets the offender's risk level. */
@Entity
@Table(name = "risk_assessment")
public class RiskAssessment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "offender_id")
    public UUID offenderId;

    @Column(name = "assessed_on")
    public LocalDate assessedOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "risk_level")
    public RiskLevel riskLevel;

    @Enumerated(EnumType.STRING)
    public AssessmentTool tool;

    public String notes;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public Instant recordedAt;
}
