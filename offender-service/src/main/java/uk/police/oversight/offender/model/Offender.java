package uk.police.oversight.offender.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A registered offender managed in the community (SPEC section 3). */
@Entity
public class Offender extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "pnc_id")
    public String pncId;

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "last_name")
    public String lastName;

    @Column(name = "date_of_birth")
    public LocalDate dateOfBirth;

    @Embedded
    public Address address = new Address();

    @Column(name = "mappa_category")
    public int mappaCategory;

    @Column(name = "mappa_level")
    public int mappaLevel;

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

    @Version
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
