package uk.police.oversight.visits.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** What visit-scheduler knows of a staff member: their area, role and whether they are active (from events). */
@Entity
@Table(name = "staff_projection")
public class StaffProjection extends PanacheEntityBase {

    @Id
    @Column(name = "staff_id")
    public UUID staffId;

    public long version;

    @Column(name = "area_code")
    public String areaCode;

    public String role;

    public boolean active;
}
