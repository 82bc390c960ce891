package uk.police.oversight.assurance.action;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import uk.police.oversight.assurance.snapshot.Metric;

/** An action on the tracker, as stored; its updates are {@link ActionUpdate}s. */
@Entity
@Table(name = "tracked_action")
public class TrackedAction extends PanacheEntityBase {

    @Id
    public UUID id;

    public String reference;

    @Enumerated(EnumType.STRING)
    public ActionSource source;

    public String title;

    public String description;

    public String owner;

    @Column(name = "owner_staff_id")
    public UUID ownerStaffId;

    @Column(name = "due_on")
    public LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    public ActionStatus status;

    @Column(name = "criterion_metric")
    public String criterionMetric;

    @Column(name = "criterion_area_code")
    public String criterionAreaCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "criterion_better")
    public Metric.Better criterionBetter;

    @Column(name = "criterion_value")
    public BigDecimal criterionValue;

    @Column(name = "criterion_snapshots")
    public Integer criterionSnapshots;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "changed_at")
    public Instant changedAt;

    @Column(name = "closed_at")
    public Instant closedAt;
}
