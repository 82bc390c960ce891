package uk.police.oversight.assurance.sample;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** One drawn case: its pseudonym, the offender behind it (never shown), its stratum and the key that drew it. */
@Entity
@Table(name = "sample_case")
@IdClass(SampleCase.Key.class)
public class SampleCase extends PanacheEntityBase {

    @Id
    @Column(name = "sample_id")
    public UUID sampleId;

    @Id
    @Column(name = "case_ref")
    public String caseRef;

    @Column(name = "offender_id")
    public UUID offenderId;

    public String stratum;

    @Column(name = "draw_key")
    public String drawKey;

    /** "Manager A", "Manager B", … within the sample: the only name of a manager a panel member sees. */
    @Column(name = "manager_label")
    public String managerLabel;

    /** The composite key. */
    public static class Key implements Serializable {
        public UUID sampleId;
        public String caseRef;

        public Key() {
        }

        public Key(UUID sampleId, String caseRef) {
            this.sampleId = sampleId;
            this.caseRef = caseRef;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(sampleId, k.sampleId) && java.util.Objects.equals(caseRef, k.caseRef);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(sampleId, caseRef);
        }
    }
}
