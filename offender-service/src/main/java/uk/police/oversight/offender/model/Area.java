package uk.police.oversight.offender.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;

/** A policing area (a local policing unit) that offenders and staff belong to. */
@Entity
public class Area extends PanacheEntityBase {

    @Id
    public String code;

    public String name;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;
}
