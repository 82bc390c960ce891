package uk.police.oversight.offender.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One change to an offender's record: who, when, and the changed fields before and after. */
@Entity
@Immutable
@Table(name = "offender_history")
public class HistoryEntry extends PanacheEntityBase {

    /** What kind of change it was. */
    public enum Change {
        REGISTERED, UPDATED, RISK_ASSESSED, STATUS_CHANGED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "offender_history_seq")
    @SequenceGenerator(name = "offender_history_seq", sequenceName = "offender_history_seq", allocationSize = 50)
    public Long id;

    @Column(name = "offender_id")
    public UUID offenderId;

    public Instant at;

    public String actor;

    @Enumerated(EnumType.STRING)
    public Change change;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> before;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> after;

    @Column(name = "request_id")
    public String requestId;
}
