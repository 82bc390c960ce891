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

/** A recorded change of an offender's status (custody, hospital, return to the community, …). */
@Entity
@Table(name = "status_change")
public class StatusChange extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "offender_id")
    public UUID offenderId;

    @Enumerated(EnumType.STRING)
    public OffenderStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "previous_status")
    public OffenderStatus previousStatus;

    @Column(name = "effective_on")
    public LocalDate effectiveOn;

    public String reason;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public Instant recordedAt;
}
