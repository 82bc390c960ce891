package uk.police.oversight.offender.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;
import uk.police.oversight.common.problem.ProblemException;
import uk.police.oversight.common.security.Caller;
import uk.police.oversight.offender.events.OffenderEvents;
import uk.police.oversight.offender.model.EventReplay;
import uk.police.oversight.offender.model.Offender;
import uk.police.oversight.offender.model.Staff;

/**
 * Replays every offender's and staff member's current facts as events, for a consumer rebuilding its projection: a
 * job that a request only queues (202), and that any replica then runs under a lease (renewed with every page), page by page in id order, each
 * page's events and the job's cursor committed together, so that a restart resumes after the last committed page and
 * nothing is published twice. After the offenders, the staff, then `offender.replay-completed` with the counts.
 */
@ApplicationScoped
public class EventReplays {

    /** Offenders published per transaction: one batched outbox insert each. */
    static final int PAGE = 1000;
    /**
     * How long a replica holds a replay without committing a page (a page takes well under a second); a replica that
     * died holding one is taken over this long after its last page.
     */
    private static final Duration LEASE = Duration.ofSeconds(15);
    private static final Logger LOG = Logger.getLogger(EventReplays.class);

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    OffenderEvents events;

    @Inject
    jakarta.enterprise.event.Event<Requested> requested;

    private final AtomicBoolean running = new AtomicBoolean();
    private ExecutorService worker;

    void start(@Observes StartupEvent event) {
        worker = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "event-replay");
            thread.setDaemon(true);
            return thread;
        });
    }

    void stop(@Observes ShutdownEvent event) {
        if (worker != null) {
            worker.shutdownNow();
        }
    }

    /** Queues a replay, or answers the one already queued or running (one at a time is enough for any consumer). */
    public EventReplay request() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<EventReplay> open = EventReplay.<EventReplay>find("state in ?1 order by requestedAt",
                    List.of(EventReplay.State.QUEUED, EventReplay.State.RUNNING)).firstResultOptional();
            if (open.isPresent()) {
                return open.get();
            }
            EventReplay replay = new EventReplay();
            replay.id = UUID.randomUUID();
            replay.requestedBy = caller.subject();
            replay.requestedAt = clock.instant();
            replay.state = EventReplay.State.QUEUED;
            replay.persist();
            requested.fire(Requested.INSTANCE);
            return replay;
        });
    }

    public EventReplay get(UUID id) {
        return QuarkusTransaction.joiningExisting().call(() -> EventReplay.<EventReplay>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Replay", id)));
    }

    /** Wakes the worker once a request committed; the schedule below picks up what any replica left. */
    void onRequested(@Observes(during = TransactionPhase.AFTER_SUCCESS) Requested requested) {
        wake();
    }

    @Scheduled(every = "${oversight.replay.poll-interval:5s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        wake();
    }

    /** Fired when a replay was queued. */
    public enum Requested {
        INSTANCE
    }

    void wake() {
        if (worker != null && !worker.isShutdown() && running.compareAndSet(false, true)) {
            try {
                worker.execute(this::drain);
            } catch (RuntimeException e) {
                running.set(false);
            }
        }
    }

    private void drain() {
        try {
            for (Optional<UUID> leased = lease(); leased.isPresent(); leased = lease()) {
                run(leased.get());
            }
        } catch (RuntimeException e) {
            LOG.warn("Event replay stopped; it resumes from its last page", e);
        } finally {
            running.set(false);
        }
    }

    /** Takes the oldest open replay that no replica holds, for a lease at a time. */
    private Optional<UUID> lease() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object> ids = Offender.getEntityManager().createNativeQuery("""
                    update event_replay set lease_until = now() + interval '15 seconds', state = 'RUNNING',
                        started_at = coalesce(started_at, now())
                    where id = (select id from event_replay where state in ('QUEUED', 'RUNNING')
                        and (lease_until is null or lease_until < now()) order by requested_at limit 1 for update skip locked)
                    returning id""").getResultList();
            return ids.stream().findFirst().map(id -> (UUID) id);
        });
    }

    private void run(UUID id) {
        while (QuarkusTransaction.requiringNew().call(() -> page(id))) {
            // one page per transaction, until the last
        }
    }

    /** Publishes the next page (or, after the last, the staff and the completion); answers whether there is more. */
    boolean page(UUID id) {
        EventReplay replay = EventReplay.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (replay == null || replay.state != EventReplay.State.RUNNING) {
            return false;
        }
        if (replay.offendersTotal == null) {
            replay.offendersTotal = Offender.count();
        }
        List<Offender> page = replay.cursorOffenderId == null
                ? Offender.<Offender>find("order by id").page(0, PAGE).list()
                : Offender.<Offender>find("id > ?1 order by id", replay.cursorOffenderId).page(0, PAGE).list();
        if (!page.isEmpty()) {
            events.snapshots(page, replay.id);
            replay.cursorOffenderId = page.get(page.size() - 1).id;
            replay.offendersPublished += page.size();
            replay.leaseUntil = clock.instant().plus(LEASE);
            Offender.getEntityManager().flush();
            Offender.getEntityManager().clear();
            return true;
        }
        List<Staff> staff = Staff.listAll();
        staff.forEach(events::staffChanged);
        replay.staffPublished = staff.size();
        events.replayCompleted(replay.id, replay.offendersPublished, replay.staffPublished);
        replay.state = EventReplay.State.DONE;
        replay.finishedAt = clock.instant();
        replay.leaseUntil = null;
        LOG.infof("Replay %s published %d offenders and %d staff", replay.id, replay.offendersPublished, replay.staffPublished);
        return false;
    }
}
