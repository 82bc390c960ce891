package uk.police.oversight.offender.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A replay of every offender's and staff member's current facts as events: a job, done page by page. */
@Entity
@Table(name = "event_replay")
public class EventReplay extends PanacheEntityBase {

    /** Where a replay stands. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ReplayState")
    public enum State {
        QUEUED, RUNNING, DONE, FAILED
    }

    @Id
    public UUID id;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "requested_at")
    public Instant requestedAt;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public State state;

    @Column(name = "offenders_total")
    public Long offendersTotal;

    @Column(name = "offenders_published")
    public long offendersPublished;

    @Column(name = "staff_published")
    public long staffPublished;

    @Column(name = "cursor_offender_id")
    public UUID cursorOffenderId;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "last_error")
    public String lastError;
}
