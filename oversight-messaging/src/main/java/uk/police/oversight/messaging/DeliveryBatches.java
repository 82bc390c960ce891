package uk.police.oversight.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.police.oversight.common.events.CloudEvent;

/**
 * The consumers' batches: one {@link DeliveryBatcher} per incoming channel, so that a bulk load costs a transaction per
 * batch of deliveries, not one per event, in every consumer. A consumer method hands its payload and the work for its
 * event in with {@link #handle}; the work runs in a transaction (it must not start its own) and the method returns once it
 * has been committed, so a message is acknowledged only after its effect is stored.
 * <p>
 * Meters (management interface): {@code oversight.consumer.batch.deliveries}, the deliveries per committed
 * transaction, {@code oversight.consumer.batch.redone}, deliveries done again alone after their batch failed, and
 * {@code oversight.consumer.failed}, deliveries that failed even alone and went back to the broker (which redelivers
 * them and, after 10 attempts, moves them to its DLQ); all tagged by channel. Each delivery's work runs in a
 * {@code process} span whose parent is the trace context its event carries (EventTracing).
 */
@ApplicationScoped
public class DeliveryBatches {

    /**
     * The worker pool the consumer methods run on ({@code @Blocking(value = WORKERS, ordered = false)}), bounded by
     * {@code smallrye.messaging.worker.oversight-consumers.max-concurrency}: deliveries waiting for their batch wait on
     * these threads, never on the ones requests are served on, so a bulk load cannot starve the API.
     */
    public static final String WORKERS = "oversight-consumers";

    @Inject
    MeterRegistry registry;

    @Inject
    EventEnvelopes envelopes;

    @Inject
    EventTracing tracing;

    @ConfigProperty(name = "oversight.messaging.batch-size", defaultValue = "100")
    int batchSize;

    private final ConcurrentMap<String, DeliveryBatcher> batchers = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Counter> failures = new ConcurrentHashMap<>();

    /**
     * Reads a delivery's event and does its work in a transaction shared with the channel's other waiting deliveries;
     * returns once committed. An envelope that cannot be read fails the delivery before any transaction.
     */
    public void handle(String channel, Object payload, Consumer<CloudEvent> work) {
        CloudEvent event;
        try {
            event = envelopes.read(payload);
        } catch (RuntimeException e) {
            failed(channel);
            throw e;
        }
        Span span = tracing.processing(channel, event);
        try {
            // The work may run on the thread of another delivery of the batch: it makes this delivery's span current.
            batchers.computeIfAbsent(channel, this::batcher).handle(event.subject(), () -> {
                try (Scope scope = span.makeCurrent()) {
                    work.accept(event);
                }
            });
        } catch (RuntimeException | Error e) {
            EventTracing.failed(span, e);
            failed(channel);
            throw e;
        } finally {
            span.end();
        }
    }

    private void failed(String channel) {
        failures.computeIfAbsent(channel, c -> Counter.builder("oversight.consumer.failed")
                .description("Deliveries that failed even in a transaction of their own and went back to the broker")
                .tag("channel", c).register(registry)).increment();
    }

    private DeliveryBatcher batcher(String channel) {
        DistributionSummary deliveries = DistributionSummary.builder("oversight.consumer.batch.deliveries")
                .description("Deliveries committed in one transaction by a consumer").tag("channel", channel)
                .register(registry);
        Counter redone = Counter.builder("oversight.consumer.batch.redone")
                .description("Deliveries done again in a transaction of their own after their batch failed")
                .tag("channel", channel).register(registry);
        return new DeliveryBatcher(channel, batchSize, work -> QuarkusTransaction.requiringNew().run(work::run),
                (count, redoneAlone) -> {
                    deliveries.record(count);
                    if (redoneAlone) {
                        redone.increment();
                    }
                });
    }
}
