package uk.police.oversight.testing;

import io.vertx.amqp.AmqpClient;
import io.vertx.amqp.AmqpClientOptions;
import io.vertx.amqp.AmqpConnection;
import io.vertx.amqp.AmqpMessage;
import io.vertx.amqp.AmqpReceiver;
import io.vertx.amqp.AmqpReceiverOptions;
import io.vertx.amqp.AmqpSender;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A plain AMQP 1.0 client for tests: reads what a service published, and sends events as another service would. */
public final class AmqpTestClient implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final AmqpClient client;
    private final AmqpConnection connection;

    /** A client of the module tests' broker, logged in as the harness that may stand in for any service. */
    public AmqpTestClient(int port) {
        this(port, uk.police.oversight.local.BrokerUsers.TEST_HARNESS, EmbeddedBrokerResource.harnessPassword());
    }

    /** A client logged in as this user (to check what a service may and may not do). */
    public AmqpTestClient(int port, String user, String password) {
        client = AmqpClient.create(vertx, new AmqpClientOptions().setHost("localhost").setPort(port)
                .setUsername(user).setPassword(password));
        connection = await(client.connect().toCompletionStage().toCompletableFuture());
    }

    /** Sends a JSON body to an address and waits for the broker to accept it. */
    public void send(String address, String json) {
        sendAll(address, List.of(json));
    }

    /** Sends JSON bodies to an address as fast as the broker takes them (none waits for the one before), then waits for all. */
    public void sendAll(String address, List<String> jsons) {
        AmqpSender sender = await(connection.createSender(address).toCompletionStage().toCompletableFuture());
        try {
            List<CompletableFuture<Void>> accepted = new ArrayList<>();
            for (String json : jsons) {
                accepted.add(sender.sendWithAck(AmqpMessage.create().address(address).durable(true).withBody(json)
                        .contentType("application/cloudevents+json").build()).toCompletionStage().toCompletableFuture());
            }
            accepted.forEach(AmqpTestClient::await);
        } finally {
            sender.close();
        }
    }

    /** Receives bodies from a queue (an FQQN `address::queue` for a subscription) until one matches or time runs out. */
    public List<String> receiveUntil(String source, Predicate<List<String>> done, Duration timeout) {
        LinkedBlockingQueue<String> bodies = new LinkedBlockingQueue<>();
        AmqpReceiver receiver = await(connection.createReceiver(source, new AmqpReceiverOptions().setDurable(true))
                .toCompletionStage().toCompletableFuture());
        receiver.handler(message -> bodies.add(message.bodyAsString()));
        List<String> received = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!done.test(received) && System.nanoTime() < deadline) {
                String body = bodies.poll(100, TimeUnit.MILLISECONDS);
                if (body != null) {
                    received.add(body);
                }
            }
            return received;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return received;
        } finally {
            receiver.close();
        }
    }

    @Override
    public void close() {
        connection.close();
        client.close();
        vertx.close();
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("AMQP operation failed", e);
        }
    }
}
