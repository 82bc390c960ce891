package uk.police.oversight.assurance.sample;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

/** An assurance sample as stored. */
@Entity
@Table(name = "assurance_sample")
public class AssuranceSample extends PanacheEntityBase {

    @Id
    public UUID id;

    public String title;

    @Column(name = "population_from")
    public LocalDate populationFrom;

    @Column(name = "population_to")
    public LocalDate populationTo;

    @Column(name = "area_codes")
    public String[] areaCodes;

    @Column(name = "risk_levels")
    public String[] riskLevels;

    @Column(name = "overdue_only")
    public boolean overdueOnly;

    public int size;

    @Enumerated(EnumType.STRING)
    @Column(name = "stratify_by")
    public Stratification stratifyBy;

    public String seed;

    public String algorithm;

    @Column(name = "population_size")
    public int populationSize;

    /** Each stratum's population, as JSON. */
    @Column(columnDefinition = "jsonb")
    @org.hibernate.annotations.ColumnTransformer(write = "?::jsonb")
    public String strata;

    @Column(name = "panel_members")
    public String[] panelMembers;

    @Column(name = "access_from")
    public LocalDate accessFrom;

    @Column(name = "access_until")
    public LocalDate accessUntil;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    public boolean names(String subject) {
        return Arrays.asList(panelMembers).contains(subject);
    }

    public boolean openOn(LocalDate day) {
        return !day.isBefore(accessFrom) && !day.isAfter(accessUntil);
    }
}
