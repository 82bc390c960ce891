package uk.police.oversight.assurance.sample;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A panel member's finding on one case (the latest they recorded). */
@Entity
@Table(name = "case_finding")
@IdClass(SampleCase.Key.class)
public class CaseFinding extends PanacheEntityBase {

    @Id
    @Column(name = "sample_id")
    public UUID sampleId;

    @Id
    @Column(name = "case_ref")
    public String caseRef;

    @Enumerated(EnumType.STRING)
    public Grade grade;

    public String[] flags;

    public String observations;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public Instant recordedAt;
}
