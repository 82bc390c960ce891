package uk.police.oversight.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The group commit on its own, against a fake store whose transactions keep their writes only when they commit: every
 * delivery's effect is committed exactly once, a busy consumer shares transactions and never exceeds the bound, and a
 * poison delivery fails alone.
 */
class DeliveryBatcherTest {

    /** A store of committed writes; a transaction's writes are buffered and kept only if its work returns. */
    private static final class FakeStore implements DeliveryBatcher.Transactions {
        final Map<String, AtomicInteger> committed = new ConcurrentHashMap<>();
        final List<Integer> transactionSizes = Collections.synchronizedList(new ArrayList<>());
        final List<List<String>> transactionKeys = Collections.synchronizedList(new ArrayList<>());
        private final ThreadLocal<List<String>> open = new ThreadLocal<>();
        private final AtomicInteger inProgress = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        private final long millisPerTransaction;

        FakeStore(long millisPerTransaction) {
            this.millisPerTransaction = millisPerTransaction;
        }

        void write(String key) {
            open.get().add(key);
        }

        @Override
        public void inNewTransaction(Runnable work) {
            List<String> writes = new ArrayList<>();
            open.set(writes);
            mostAtOnce.accumulateAndGet(inProgress.incrementAndGet(), Math::max);
            try {
                work.run();
                sleep(millisPerTransaction);
                writes.forEach(key -> committed.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet());
                transactionSizes.add(writes.size());
                transactionKeys.add(List.copyOf(writes));
            } finally {
                inProgress.decrementAndGet();
                open.remove();
            }
        }
    }

    private final ExecutorService workers = Executors.newFixedThreadPool(64);

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    @Test
    void aLoneDeliveryIsCommittedAtOnceInATransactionOfItsOwn() {
        FakeStore store = new FakeStore(0);
        List<Integer> told = new ArrayList<>();
        DeliveryBatcher batcher = new DeliveryBatcher("test", 100, store, (count, redone) -> told.add(count));

        batcher.handle("offender-1", () -> store.write("offender-1"));

        assertEquals(1, store.committed.get("offender-1").get());
        assertEquals(List.of(1), store.transactionSizes);
        assertEquals(List.of(1), told);
    }

    @Test
    void manyDeliveriesAtOnceShareBoundedTransactionsAndEachIsCommittedOnce() throws Exception {
        FakeStore store = new FakeStore(20);
        AtomicInteger redone = new AtomicInteger();
        DeliveryBatcher batcher = new DeliveryBatcher("test", 25, store, countingRedone(redone));
        List<Future<?>> deliveries = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String key = "offender-" + i;
            deliveries.add(workers.submit(() -> batcher.handle(key, () -> store.write(key))));
        }
        for (Future<?> delivery : deliveries) {
            delivery.get(30, TimeUnit.SECONDS);
        }

        assertEquals(400, store.committed.size());
        store.committed.forEach((key, times) -> assertEquals(1, times.get(), key + " committed more than once"));
        assertTrue(store.transactionSizes.size() < 400 / 4,
                "64 deliveries in flight should share transactions, took " + store.transactionSizes.size());
        assertTrue(store.transactionSizes.stream().allMatch(size -> size >= 1 && size <= 25),
                "every transaction holds 1 to 25 deliveries: " + store.transactionSizes);
        assertEquals(1, store.mostAtOnce.get(), "one transaction at a time per consumer");
        assertEquals(0, redone.get());
    }

    @Test
    void aBatchRunsItsDeliveriesInTheOrderOfTheirKeys() throws Exception {
        FakeStore store = new FakeStore(0);
        DeliveryBatcher batcher = new DeliveryBatcher("test", 100, store, (count, redone) -> { });
        CountDownLatch release = new CountDownLatch(1);
        Future<?> first = holdTheBatcher(batcher, store, "m", release);
        List<Future<?>> waiting = new ArrayList<>();
        for (String key : List.of("d", "z", "a", "k")) {
            waiting.add(workers.submit(() -> batcher.handle(key, () -> store.write(key))));
        }
        Thread.sleep(200);
        release.countDown();
        first.get(5, TimeUnit.SECONDS);
        for (Future<?> delivery : waiting) {
            delivery.get(5, TimeUnit.SECONDS);
        }

        assertEquals(List.of(List.of("m"), List.of("a", "d", "k", "z")), store.transactionKeys);
    }

    @Test
    void aPoisonDeliveryFailsAloneAndTheRestOfItsBatchIsCommittedOnce() throws Exception {
        FakeStore store = new FakeStore(0);
        AtomicInteger redone = new AtomicInteger();
        DeliveryBatcher batcher = new DeliveryBatcher("test", 100, store, countingRedone(redone));
        CountDownLatch release = new CountDownLatch(1);
        Future<?> first = holdTheBatcher(batcher, store, "a-first", release);
        List<Future<?>> good = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String key = "good-" + i;
            good.add(workers.submit(() -> batcher.handle(key, () -> store.write(key))));
        }
        Future<?> poison = workers.submit(() -> batcher.handle("poison", () -> {
            store.write("poison");
            throw new IllegalStateException("cannot be stored");
        }));
        Thread.sleep(200);
        release.countDown();
        first.get(5, TimeUnit.SECONDS);
        for (Future<?> delivery : good) {
            delivery.get(5, TimeUnit.SECONDS);
        }
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> poison.get(5, TimeUnit.SECONDS));

        assertEquals("cannot be stored", failure.getCause().getMessage());
        assertEquals(null, store.committed.get("poison"));
        for (int i = 0; i < 10; i++) {
            assertEquals(1, store.committed.get("good-" + i).get(), "good-" + i);
        }
        assertEquals(10, redone.get(), "the good deliveries of the failed batch were each redone alone");
    }

    @Test
    void aBatchHoldsAtLeastOneDelivery() {
        assertThrows(IllegalArgumentException.class, () -> new DeliveryBatcher("test", 0, work -> work.run(), (c, r) -> { }));
    }

    /** A listener that counts the deliveries redone alone. */
    private static DeliveryBatcher.Listener countingRedone(AtomicInteger redone) {
        return (count, again) -> {
            if (again) {
                redone.incrementAndGet();
            }
        };
    }

    /** A delivery whose transaction stays open until released, so that the deliveries handed in meanwhile wait together. */
    private Future<?> holdTheBatcher(DeliveryBatcher batcher, FakeStore store, String key, CountDownLatch release)
            throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        Future<?> held = workers.submit(() -> batcher.handle(key, () -> {
            store.write(key);
            started.countDown();
            await(release);
        }));
        started.await(5, TimeUnit.SECONDS);
        return held;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
