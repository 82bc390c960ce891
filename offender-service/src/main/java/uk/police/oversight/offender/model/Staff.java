package uk.police.oversight.offender.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** An offender manager or supervisor. */
@Entity
public class Staff extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "staff_number")
    public String staffNumber;

    public String name;

    public String email;

    @Enumerated(EnumType.STRING)
    public StaffRole role;

    @Column(name = "area_code")
    public String areaCode;

    public boolean active;

    @Version
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Optional<Staff> findByStaffNumber(String staffNumber) {
        return find("staffNumber", staffNumber).firstResultOptional();
    }
}
