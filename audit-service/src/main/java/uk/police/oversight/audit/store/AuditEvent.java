package uk.police.oversight.audit.store;

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
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import uk.police.oversight.common.audit.AuditAction;
import uk.police.oversight.common.audit.AuditOutcome;

/** A row of the append-only audit log; {@code @Immutable} so Hibernate never issues an UPDATE for it. */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_event_seq")
    @SequenceGenerator(name = "audit_event_seq", sequenceName = "audit_event_seq", allocationSize = 50)
    public Long id;

    public Instant at;

    public String actor;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> roles;

    @Enumerated(EnumType.STRING)
    public AuditAction action;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "offender_ids", columnDefinition = "uuid[]")
    public List<UUID> offenderIds;

    public String service;

    @Column(name = "request_id")
    public String requestId;

    public String justification;

    public String detail;

    @Enumerated(EnumType.STRING)
    public AuditOutcome outcome;

    @Column(name = "source_event_id")
    public UUID sourceEventId;
}
