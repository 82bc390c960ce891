package uk.police.oversight.assurance.snapshot;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import uk.police.oversight.assurance.api.SnapshotView;
import uk.police.oversight.assurance.upstream.ServiceIdentity;
import uk.police.oversight.assurance.upstream.Upstream;
import uk.police.oversight.common.problem.ProblemException;

/**
 * Takes and keeps compliance snapshots. The figures are visit-scheduler's answer for the date; a snapshot is inserted
 * once and never changed. MONTHLY ones are taken by themselves at each month's end, once per cluster (Quartz,
 * clustered on this service's database; a second take of the same month is refused by a unique index).
 */
@ApplicationScoped
public class Snapshots {

    private static final Logger LOG = Logger.getLogger(Snapshots.class);

    @Inject
    Upstream upstream;

    @Inject
    ServiceIdentity identity;

    @Inject
    Clock clock;

    @Inject
    SnapshotStore store;

    /** Takes one now for {@code asOf} with the caller's token: ON_DEMAND for today, RECONSTRUCTED for a past date. */
    public SnapshotView take(LocalDate asOf, String bearer, String requestId, String takenBy) {
        LocalDate today = LocalDate.now(clock);
        if (asOf.isAfter(today)) {
            throw ProblemException.invalid("asOf", "must not be in the future (today is " + today + ")");
        }
        SnapshotKind kind = asOf.isEqual(today) ? SnapshotKind.ON_DEMAND : SnapshotKind.RECONSTRUCTED;
        Figures figures = upstream.summary(bearer, requestId, asOf, null).figures();
        return store.insert(asOf, kind, takenBy, figures);
    }

    @Scheduled(identity = "monthly-snapshot", cron = "${oversight.assurance.monthly-snapshot-cron}", timeZone = "Europe/London",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void monthEnd() {
        takeMonthly(LocalDate.now(clock));
    }

    /** The MONTHLY snapshot as of {@code monthEnd} (the job's day), unless one has been taken for its month already. */
    public Optional<SnapshotView> takeMonthly(LocalDate monthEnd) {
        if (store.monthly(monthEnd).isPresent()) {
            return Optional.empty();
        }
        Figures figures = upstream.summary(identity.bearer(), "monthly-snapshot-" + monthEnd, monthEnd, null).figures();
        Optional<SnapshotView> taken = store.insertMonthly(monthEnd, figures);
        taken.ifPresent(s -> LOG.infof("MONTHLY snapshot as of %s: %d overdue of %d in scope", monthEnd,
                s.figures().overdue(), s.figures().inScope()));
        return taken;
    }

    /**
     * The series a trend is drawn from: for each month, its MONTHLY snapshot, or, where there is none, the latest
     * RECONSTRUCTED one taken as of that month's last day; ON_DEMAND ones only when asked for by kind.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SnapshotView> series(LocalDate from, LocalDate to, SnapshotKind kind) {
        List<SnapshotView> all = store.list(from, to, kind);
        if (kind != null) {
            return all;
        }
        Map<YearMonth, SnapshotView> byMonth = new LinkedHashMap<>();
        for (SnapshotView s : all) {
            YearMonth month = YearMonth.from(s.asOf());
            boolean monthEnd = s.asOf().equals(month.atEndOfMonth());
            if (s.kind() == SnapshotKind.MONTHLY) {
                byMonth.put(month, s);
            } else if (s.kind() == SnapshotKind.RECONSTRUCTED && monthEnd) {
                SnapshotView held = byMonth.get(month);
                if (held == null || held.kind() == SnapshotKind.RECONSTRUCTED && !s.takenAt().isBefore(held.takenAt())) {
                    byMonth.put(month, s);
                }
            }
        }
        List<SnapshotView> series = new ArrayList<>(byMonth.values());
        series.sort(java.util.Comparator.comparing(SnapshotView::asOf));
        return series;
    }

    /** For ids in the API. */
    public Optional<SnapshotView> find(UUID id) {
        return store.find(id);
    }
}
