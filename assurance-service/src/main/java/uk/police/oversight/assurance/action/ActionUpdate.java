package uk.police.oversight.assurance.action;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One update to an action: appended, never changed (the table refuses updates and deletes). */
@Entity
@Table(name = "action_update")
public class ActionUpdate extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "action_id")
    public UUID actionId;

    public Instant at;

    @Column(name = "by_subject")
    public String by;

    @Enumerated(EnumType.STRING)
    public ActionStatus status;

    public String note;

    @Column(name = "override_reason")
    public String overrideReason;
}
