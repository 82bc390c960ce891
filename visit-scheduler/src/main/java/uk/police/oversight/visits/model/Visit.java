package uk.police.oversight.visits.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import uk.police.oversight.visits.compliance.VisitFact;

/** A visit to (or contact with) an offender. */
@Entity
public class Visit extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "offender_id")
    public UUID offenderId;

    @Column(name = "visit_date")
    public LocalDate visitDate;

    @Enumerated(EnumType.STRING)
    public VisitType type;

    @Enumerated(EnumType.STRING)
    public VisitOutcome outcome;

    public boolean announced;

    @Column(name = "officer_id")
    public UUID officerId;

    public String notes;

    @Column(name = "external_ref")
    public String externalRef;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Version
    public long version;

    public VisitFact fact() {
        return new VisitFact(visitDate, type, outcome);
    }
}
