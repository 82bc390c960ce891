package uk.police.oversight.assurance.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import uk.police.oversight.assurance.api.SnapshotView;

/** The stored snapshots: inserted once, read by date and kind. */
@ApplicationScoped
@Transactional
public class SnapshotStore {

    public static final String SCHEDULER = "monthly-snapshot";

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    public SnapshotView insert(LocalDate asOf, SnapshotKind kind, String takenBy, Figures figures) {
        Snapshot s = new Snapshot();
        s.id = UUID.randomUUID();
        s.asOf = asOf;
        s.takenAt = clock.instant();
        s.kind = kind;
        s.takenBy = takenBy;
        s.figures = write(figures);
        s.persist();
        return view(s);
    }

    /** Inserts the month's MONTHLY snapshot unless another replica or run has (on conflict: nothing). */
    public Optional<SnapshotView> insertMonthly(LocalDate asOf, Figures figures) {
        UUID id = UUID.randomUUID();
        int inserted = em.createNativeQuery("""
                insert into compliance_snapshot (id, as_of, taken_at, kind, taken_by, figures)
                values (:id, :asOf, :takenAt, 'MONTHLY', :by, cast(:figures as jsonb))
                on conflict ((date_trunc('month', as_of::timestamp))) where kind = 'MONTHLY' do nothing""")
                .setParameter("id", id).setParameter("asOf", asOf).setParameter("takenAt", clock.instant())
                .setParameter("by", SCHEDULER).setParameter("figures", write(figures)).executeUpdate();
        return inserted == 0 ? Optional.empty() : find(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<SnapshotView> monthly(LocalDate asOf) {
        return Snapshot.<Snapshot>find("asOf >= ?1 and asOf <= ?2 and kind = ?3", asOf.withDayOfMonth(1),
                asOf.withDayOfMonth(asOf.lengthOfMonth()), SnapshotKind.MONTHLY).firstResultOptional().map(this::view);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<SnapshotView> find(UUID id) {
        return Snapshot.<Snapshot>findByIdOptional(id).map(this::view);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SnapshotView> list(LocalDate from, LocalDate to, SnapshotKind kind) {
        StringBuilder query = new StringBuilder("asOf >= ?1 and asOf <= ?2");
        if (kind != null) {
            query.append(" and kind = ?3");
            return Snapshot.<Snapshot>find(query + " order by asOf, takenAt", from, to, kind).stream().map(this::view).toList();
        }
        return Snapshot.<Snapshot>find(query + " order by asOf, takenAt", from, to).stream().map(this::view).toList();
    }

    /** The latest MONTHLY snapshots, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SnapshotView> latestMonthly(int count) {
        return Snapshot.<Snapshot>find("kind = ?1 order by asOf desc", SnapshotKind.MONTHLY).page(0, count).list()
                .stream().map(this::view).toList();
    }

    private SnapshotView view(Snapshot s) {
        try {
            return new SnapshotView(s.id, s.asOf, s.takenAt, s.kind, json.readValue(s.figures, Figures.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Snapshot " + s.id + " has figures that do not read", e);
        }
    }

    private String write(Figures figures) {
        try {
            return json.writeValueAsString(figures);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
