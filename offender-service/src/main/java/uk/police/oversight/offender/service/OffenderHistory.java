package uk.police.oversight.offender.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import uk.police.oversight.common.security.Caller;
import uk.police.oversight.offender.api.HistoryEntryView;
import uk.police.oversight.offender.model.HistoryEntry;

/** Keeps each offender's history of changes: who, when, and the changed fields before and after. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OffenderHistory {

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    public void record(UUID offenderId, HistoryEntry.Change change, Map<String, Object> before, Map<String, Object> after) {
        HistoryEntry entry = new HistoryEntry();
        entry.offenderId = offenderId;
        entry.at = clock.instant();
        entry.actor = caller.subject();
        entry.change = change;
        entry.before = before == null || before.isEmpty() ? null : before;
        entry.after = after;
        entry.requestId = caller.requestId();
        entry.persist();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<HistoryEntryView> of(UUID offenderId) {
        return HistoryEntry.<HistoryEntry>list("offenderId = ?1 order by at, id", offenderId).stream().map(Views::of).toList();
    }

    /** Removes an erased offender's history (a native delete: the entity is immutable to Hibernate). */
    public void erase(UUID offenderId) {
        HistoryEntry.getEntityManager().createNativeQuery("delete from offender_history where offender_id = :id")
                .setParameter("id", offenderId).executeUpdate();
    }
}
