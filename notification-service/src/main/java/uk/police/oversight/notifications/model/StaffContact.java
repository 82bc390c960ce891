package uk.police.oversight.notifications.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.UUID;

/** Who a staff member is and where to email them, projected from offender-service's staff.changed events. */
@Entity
@Table(name = "staff_contact")
public class StaffContact extends PanacheEntityBase {

    @Id
    @Column(name = "staff_id")
    public UUID staffId;

    public long version;

    @Column(name = "staff_number")
    public String staffNumber;

    public String name;

    public String email;

    public String role;

    @Column(name = "area_code")
    public String areaCode;

    public boolean active;

    /** The active supervisors of an area: who escalations go to. */
    public static List<StaffContact> supervisorsOf(String areaCode) {
        return list("areaCode = ?1 and role = 'SUPERVISOR' and active = true order by staffNumber", areaCode);
    }
}
