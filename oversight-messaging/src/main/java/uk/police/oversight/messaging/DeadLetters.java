package uk.police.oversight.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.Vertx;
import io.vertx.proton.ProtonClient;
import io.vertx.proton.ProtonClientOptions;
import io.vertx.proton.ProtonConnection;
import io.vertx.proton.ProtonReceiver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.qpid.proton.amqp.Symbol;
import org.apache.qpid.proton.amqp.messaging.Released;
import org.apache.qpid.proton.amqp.messaging.Source;
import org.apache.qpid.proton.message.Message;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The broker's dead letters as a gauge, {@code oversight_dead_letters{address}}: the messages in its {@code DLQ} queue,
 * by the address each was first sent to (the consumer that gave up on it is that address's subscriber). Counted every
 * minute by browsing the queue (an AMQP receiver in "copy" mode: nothing is taken off it), with a login that may browse
 * DLQ and nothing else there. One service watches (audit-service, {@code oversight.dead-letters.watch=true}), first a
 * minute after it starts (never holding up its start while the broker is away); the alert "OversightDeadLetters"
 * fires on any. Counts stop at {@value #LIMIT} messages a browse.
 */
@ApplicationScoped
public class DeadLetters {

    static final int LIMIT = 10_000;
    static final String QUEUE = "DLQ";
    private static final Symbol ORIGINAL_ADDRESS = Symbol.valueOf("x-opt-ORIG-ADDRESS");
    private static final Symbol COPY = Symbol.valueOf("copy");
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    @Inject
    Vertx vertx;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "oversight.dead-letters.watch", defaultValue = "false")
    boolean watch;

    @ConfigProperty(name = "amqp-host")
    String host;

    @ConfigProperty(name = "amqp-port")
    int port;

    @ConfigProperty(name = "amqp-username")
    Optional<String> user;

    @ConfigProperty(name = "amqp-password")
    Optional<String> password;

    private final Map<String, AtomicLong> byAddress = new ConcurrentHashMap<>();

    @Scheduled(every = "${oversight.dead-letters.interval:60s}", delayed = "${oversight.dead-letters.delay:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public synchronized void count() {
        if (!watch) {
            return;
        }
        try {
            CompletableFuture<Map<String, Long>> browsing = browse();
            Map<String, Long> counts;
            try {
                counts = browsing.get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                browsing.completeExceptionally(e); // closes the connection
                throw e;
            }
            counts.forEach((address, count) -> byAddress.computeIfAbsent(address, this::register).set(count));
            byAddress.forEach((address, value) -> {
                if (!counts.containsKey(address)) {
                    value.set(0);
                }
            });
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warnf("Could not count the broker's dead letters (%s); the gauge keeps its last values", String.valueOf(e));
        }
    }

    private AtomicLong register(String address) {
        AtomicLong value = new AtomicLong();
        Gauge.builder("oversight.dead.letters", value, AtomicLong::get)
                .description("Messages in the broker's DLQ, by the address they were first sent to")
                .tag("address", address).register(registry);
        return value;
    }

    /** Browses DLQ once: the messages in it by original address. */
    CompletableFuture<Map<String, Long>> browse() {
        CompletableFuture<Map<String, Long>> result = new CompletableFuture<>();
        ProtonClientOptions options = new ProtonClientOptions().setConnectTimeout(5000);
        ProtonClient.create(vertx).connect(options, host, port, user.orElse(null), password.orElse(null), connected -> {
            if (connected.failed()) {
                result.completeExceptionally(connected.cause());
                return;
            }
            ProtonConnection connection = connected.result();
            result.whenComplete((counts, failure) -> connection.close());
            connection.openHandler(opened -> {
                if (opened.failed()) {
                    result.completeExceptionally(opened.cause());
                    return;
                }
                Map<String, Long> counts = new TreeMap<>();
                ProtonReceiver receiver = connection.createReceiver(QUEUE);
                ((Source) receiver.getSource()).setDistributionMode(COPY);
                receiver.setPrefetch(0).setAutoAccept(false);
                receiver.handler((delivery, message) -> {
                    counts.merge(originalAddress(message), 1L, Long::sum);
                    delivery.disposition(Released.getInstance(), true);
                });
                receiver.openHandler(attached -> {
                    if (attached.failed()) {
                        result.completeExceptionally(attached.cause());
                        return;
                    }
                    receiver.flow(LIMIT);
                    receiver.drain(20_000, drained -> {
                        if (drained.failed()) {
                            result.completeExceptionally(drained.cause());
                        } else {
                            result.complete(counts);
                        }
                    });
                });
                receiver.closeHandler(closed -> {
                    if (closed.failed()) {
                        result.completeExceptionally(closed.cause());
                    }
                });
                receiver.open();
            });
            connection.disconnectHandler(lost -> result.completeExceptionally(new IllegalStateException("disconnected")));
            connection.open();
        });
        return result;
    }

    /** The address a dead letter was first sent to, when it is one of the system's (a bounded label); else "other". */
    static String originalAddress(Message message) {
        Object address = message.getMessageAnnotations() == null ? null
                : message.getMessageAnnotations().getValue().get(ORIGINAL_ADDRESS);
        String name = address == null ? null : address.toString();
        return name != null && name.matches("oversight\\.[a-z.-]{1,80}") ? name : "other";
    }
}
