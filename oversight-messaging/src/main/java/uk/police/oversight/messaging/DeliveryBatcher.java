package uk.police.oversight.messaging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jboss.logging.Logger;

/**
 * Group commit for one consumer's deliveries. Each delivery is handed in on a worker thread of its own (the consumer
 * method is {@code @Blocking(value = DeliveryBatches.WORKERS, ordered = false)}, so many deliveries are in flight)
 * and waits here until its effect is committed: the deliveries waiting when a transaction starts, up to
 * {@code maxSize}, share it, and those arriving meanwhile form the next one. An idle consumer therefore commits a lone delivery at once (no added
 * latency), and a busy one spends one transaction on up to {@code maxSize} deliveries instead of one each. One
 * transaction at a time per consumer: a delivery waits at most for the batch in progress and its own.
 * <p>
 * A batch runs its deliveries in the order of their keys (the event's subject, an offender's or staff member's id),
 * so that two batches, or a batch and a request, lock the same rows in the same order. When anything in a batch fails,
 * the batch is rolled back and each of its deliveries is done again in a transaction of its own: only the one that
 * fails again fails (its thread gets the exception, and the connector hands the message back to the broker for
 * redelivery and, in the end, the dead-letter queue), the others commit. Consumers stay idempotent through their inbox,
 * so a delivery done twice (the rolled-back try, then its own) changes nothing twice.
 */
public final class DeliveryBatcher {

    /** Runs work in a new transaction that commits when it returns and rolls back when it throws. */
    @FunctionalInterface
    public interface Transactions {
        void inNewTransaction(Runnable work);
    }

    /** Told of each transaction: how many deliveries it carried, and whether it was one redone alone after a batch failed. */
    @FunctionalInterface
    public interface Listener {
        void committed(int deliveries, boolean redoneAlone);
    }

    private static final Logger LOG = Logger.getLogger(DeliveryBatcher.class);

    private final String consumer;
    private final int maxSize;
    private final Transactions transactions;
    private final Listener listener;
    private final ConcurrentLinkedQueue<Delivery> waiting = new ConcurrentLinkedQueue<>();
    /** Guards {@link #running}; the deliveries' threads wait on it for their batch or their turn to run one. */
    private final Object turn = new Object();
    private boolean running;

    public DeliveryBatcher(String consumer, int maxSize, Transactions transactions, Listener listener) {
        if (maxSize < 1) {
            throw new IllegalArgumentException("A batch holds at least one delivery");
        }
        this.consumer = consumer;
        this.maxSize = maxSize;
        this.transactions = transactions;
        this.listener = listener;
    }

    /**
     * Does the work of one delivery in a transaction, probably shared with others, and returns once it has been
     * committed; throws what the work threw when it failed in a transaction of its own.
     */
    public void handle(String key, Runnable work) {
        Delivery delivery = new Delivery(key == null ? "" : key, Objects.requireNonNull(work));
        waiting.add(delivery);
        boolean interrupted = false;
        while (true) {
            synchronized (turn) {
                // Wait, without holding anything, until this delivery is done or nobody is running a batch.
                while (!delivery.done && running) {
                    try {
                        turn.wait();
                    } catch (InterruptedException e) {
                        interrupted = true; // the delivery is queued: it is seen through, then the flag restored
                    }
                }
                if (delivery.done) {
                    break;
                }
                running = true;
            }
            try {
                run(take());
            } finally {
                synchronized (turn) {
                    running = false;
                    turn.notifyAll();
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (delivery.failure instanceof RuntimeException failure) {
            throw failure;
        }
        if (delivery.failure instanceof Error error) {
            throw error;
        }
    }

    private List<Delivery> take() {
        List<Delivery> batch = new ArrayList<>();
        Delivery next;
        while (batch.size() < maxSize && (next = waiting.poll()) != null) {
            batch.add(next);
        }
        batch.sort(Comparator.comparing(Delivery::key));
        return batch;
    }

    private void run(List<Delivery> batch) {
        if (batch.isEmpty()) {
            return;
        }
        Throwable batchFailure = null;
        try {
            transactions.inNewTransaction(() -> batch.forEach(delivery -> delivery.work.run()));
        } catch (RuntimeException | Error failure) {
            batchFailure = failure;
        }
        if (batchFailure == null) {
            // Committed: the deliveries are done whatever the listener does.
            batch.forEach(delivery -> delivery.done = true);
            tell(batch.size(), false);
            return;
        }
        if (batch.size() == 1) {
            fail(batch.get(0), batchFailure);
            return;
        }
        LOG.debugf(batchFailure, "A batch of %d deliveries to %s failed; each is done again on its own", batch.size(), consumer);
        for (Delivery delivery : batch) {
            try {
                transactions.inNewTransaction(delivery.work);
            } catch (RuntimeException | Error failure) {
                fail(delivery, failure);
                continue;
            }
            delivery.done = true;
            tell(1, true);
        }
    }

    private void tell(int deliveries, boolean redoneAlone) {
        try {
            listener.committed(deliveries, redoneAlone);
        } catch (RuntimeException e) {
            LOG.debugf(e, "The listener of %s failed", consumer);
        }
    }

    private static void fail(Delivery delivery, Throwable failure) {
        delivery.failure = failure;
        delivery.done = true;
    }

    private static final class Delivery {
        private final String key;
        private final Runnable work;
        private volatile boolean done;
        private volatile Throwable failure;

        Delivery(String key, Runnable work) {
            this.key = key;
            this.work = work;
        }

        String key() {
            return key;
        }
    }
}
