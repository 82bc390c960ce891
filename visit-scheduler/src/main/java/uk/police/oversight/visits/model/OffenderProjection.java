package uk.police.oversight.visits.model;

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
import uk.police.oversight.visits.compliance.RuleInputs;

/** visit-scheduler's copy of the offender facts it needs, kept current from offender-service's events. */
@Entity
@Table(name = "offender_projection")
public class OffenderProjection extends PanacheEntityBase {

    @Id
    @Column(name = "offender_id")
    public UUID offenderId;

    /** The version of the offender record this row reflects; older events are ignored. */
    public long version;

    @Column(name = "pnc_id")
    public String pncId;

    @Column(name = "display_name")
    public String displayName;

    @Enumerated(EnumType.STRING)
    @Column(name = "risk_level")
    public RiskLevel riskLevel;

    @Enumerated(EnumType.STRING)
    @Column(name = "management_mode")
    public ManagementMode managementMode;

    @Enumerated(EnumType.STRING)
    public OffenderStatus status;

    @Column(name = "status_since")
    public LocalDate statusSince;

    @Column(name = "area_code")
    public String areaCode;

    @Column(name = "manager_id")
    public UUID managerId;

    @Column(name = "registered_on")
    public LocalDate registeredOn;

    @Column(name = "notification_ends_on")
    public LocalDate notificationEndsOn;

    @Column(name = "visit_interval_months")
    public Integer visitIntervalMonths;

    @Column(name = "last_risk_assessment_on")
    public LocalDate lastRiskAssessmentOn;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public RuleInputs facts() {
        return new RuleInputs(riskLevel, managementMode, status, statusSince, registeredOn, visitIntervalMonths,
                lastRiskAssessmentOn);
    }
}
