package uk.police.oversight.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import uk.police.oversight.local.BrokerUsers;
import uk.police.oversight.local.LocalBroker;

/**
 * Starts a real ActiveMQ Artemis broker (AMQP 1.0) for a service's {@code @QuarkusTest}s, persistent so that a test
 * can stop and restart it without losing messages. The service logs in as itself (init arg {@code service}) with
 * the permissions it has in production; {@link AmqpTestClient} logs in as a harness that may do anything.
 */
public class EmbeddedBrokerResource implements QuarkusTestResourceLifecycleManager {

    private static LocalBroker broker;
    private static Path dataDirectory;
    private static int port;
    private static final BrokerUsers USERS = BrokerUsers.forTests();
    private String service = BrokerUsers.TEST_HARNESS;

    @Override
    public void init(Map<String, String> initArgs) {
        service = initArgs.getOrDefault("service", BrokerUsers.TEST_HARNESS);
    }

    /** The test harness's login: a client standing in for any service. */
    static String harnessPassword() {
        return USERS.password(BrokerUsers.TEST_HARNESS);
    }

    /** A service's password on the test broker (to check what it may and may not do there). */
    public static String password(String user) {
        return USERS.password(user);
    }

    @Override
    public Map<String, String> start() {
        synchronized (EmbeddedBrokerResource.class) {
            if (broker == null) {
                port = freePort();
                dataDirectory = Path.of(System.getProperty("oversight.test.dir", "target"), "embedded-broker", UUID.randomUUID().toString());
                broker = LocalBroker.start(dataDirectory, port, true, USERS);
            }
        }
        return Map.of("amqp-host", "localhost", "amqp-port", Integer.toString(port),
                "amqp-username", service, "amqp-password", USERS.password(service));
    }

    /** Stops the broker, as an outage would. */
    public static synchronized void stopBroker() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    /** Starts the broker again on the same port with the same journal. */
    public static synchronized void restartBroker() {
        if (broker == null) {
            broker = LocalBroker.start(dataDirectory, port, true, USERS);
        }
    }

    public static synchronized LocalBroker broker() {
        return broker;
    }

    @Override
    public void stop() {
        stopBroker();
    }

    /**
     * A free port below Linux's ephemeral range, as the local stack chooses them: a test that stops the broker or the
     * mail server and starts it again on the same port must find that port still free, and a port from the ephemeral
     * range (what ServerSocket(0) gives) may meanwhile become the source port of one of the service's own outgoing
     * connections (seen: the mail server could not come back, and its test waited in vain).
     */
    static int freePort() {
        return uk.police.oversight.local.LocalStack.freePort();
    }
}
