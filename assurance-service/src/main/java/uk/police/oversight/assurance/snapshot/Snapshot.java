package uk.police.oversight.assurance.snapshot;

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
import org.hibernate.annotations.ColumnTransformer;

/** A snapshot as stored: inserted once, never changed (the table refuses updates and deletes). */
@Entity
@Table(name = "compliance_snapshot")
public class Snapshot extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "as_of")
    public LocalDate asOf;

    @Column(name = "taken_at")
    public Instant takenAt;

    @Enumerated(EnumType.STRING)
    public SnapshotKind kind;

    @Column(name = "taken_by")
    public String takenBy;

    /** The figures as JSON (Figures). */
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String figures;
}
