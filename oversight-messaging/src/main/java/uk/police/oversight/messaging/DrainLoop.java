package uk.police.oversight.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * The loop that works off a table of pending rows, one leased batch after another, on a thread of its own: the outbox
 * relay's events and notification-service's deliveries. Woken by a commit that added rows (at once, or after a short
 * window so that many commits are served together) and by a poll for rows another replica left; only one drain runs
 * at a time, and a wake during a drain makes it look again. After a failure it backs off, doubling up to a maximum,
 * and a successful batch resets that.
 */
public final class DrainLoop {

    /** One batch: lease, work and mark; answers how many rows it took (a full batch means there may be more). */
    @FunctionalInterface
    public interface Batch {
        int run() throws Exception;
    }

    private static final Logger LOG = Logger.getLogger(DrainLoop.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);

    private final String name;
    private final int batchSize;
    private final Duration maxBackoff;
    private final Batch batch;
    private final Semaphore running = new Semaphore(1);
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicBoolean wakeScheduled = new AtomicBoolean();
    private volatile Instant pausedUntil = Instant.MIN;
    private volatile Duration backoff = Duration.ZERO;
    private volatile ScheduledExecutorService worker;

    /** A loop named for its thread and its log lines, taking batches of {@code batchSize}, never backing off. */
    public DrainLoop(String name, int batchSize, Batch batch) {
        this(name, batchSize, Duration.ZERO, batch);
    }

    /** A loop that backs off ({@link #backOff}) for at most {@code maxBackoff}. */
    public DrainLoop(String name, int batchSize, Duration maxBackoff, Batch batch) {
        this.name = name;
        this.batchSize = batchSize;
        this.maxBackoff = maxBackoff;
        this.batch = batch;
    }

    /** Starts the loop's thread; nothing drains until the first wake. */
    public void start() {
        worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    public void stop() {
        if (worker != null) {
            worker.shutdownNow();
        }
    }

    /** Drains now, or once more after the drain under way. */
    public void wake() {
        ScheduledExecutorService executor = worker;
        if (executor == null || executor.isShutdown()) {
            return;
        }
        pending.set(true);
        if (running.tryAcquire()) {
            try {
                executor.execute(this::drain);
            } catch (RuntimeException e) {
                running.release();
            }
        }
    }

    /** Drains after {@code window}; the wakes that come meanwhile are served by that one drain. */
    public void wakeAfter(Duration window) {
        ScheduledExecutorService executor = worker;
        if (executor != null && !executor.isShutdown() && wakeScheduled.compareAndSet(false, true)) {
            try {
                executor.schedule(() -> {
                    wakeScheduled.set(false);
                    wake();
                }, window.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RuntimeException e) {
                wakeScheduled.set(false);
            }
        }
    }

    /** Stops draining for a while after a failure: 500 ms, then twice as long each time, up to the maximum. */
    public Duration backOff() {
        Duration next = backoff.isZero() ? FIRST_BACKOFF : backoff.multipliedBy(2);
        backoff = next.compareTo(maxBackoff) > 0 ? maxBackoff : next;
        pausedUntil = Instant.now().plus(backoff);
        return backoff;
    }

    /** A batch succeeded: the next failure backs off from the start. */
    public void succeeded() {
        backoff = Duration.ZERO;
    }

    private void drain() {
        try {
            while (pending.getAndSet(false)) {
                if (Instant.now().isBefore(pausedUntil)) {
                    break;
                }
                int taken;
                do {
                    taken = batch.run();
                } while (taken == batchSize);
            }
        } catch (Exception e) {
            LOG.warnf(e, "%s failed; what is pending stays pending and is tried again", name);
        } finally {
            running.release();
        }
    }
}
