package uk.police.oversight.local;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * An embedded ActiveMQ Artemis broker speaking AMQP 1.0, for tests and the local stack, with the Oversight
 * topology (docs/events.md): one multicast address per publisher and a durable queue per subscribing service.
 */
public final class LocalBroker implements AutoCloseable {

    /** Multicast addresses and the durable subscription queues on each. */
    public static final Map<String, List<String>> TOPOLOGY = Map.of(
            "oversight.offender-events", List.of("oversight.offender-events.visit-scheduler",
                    "oversight.offender-events.notification-service"),
            "oversight.compliance-events", List.of("oversight.compliance-events.notification-service"),
            "oversight.assurance-events", List.of("oversight.assurance-events.notification-service"));
    /**
     * Anycast queues (one consumer service, competing replicas): each service's audit entries on an address of its
     * own, so that the audit store knows from the address, which only that service may send to, who sent an entry;
     * the single audit address of earlier versions, drained by the audit store and sent to by nobody; dead letters.
     */
    public static final List<String> QUEUES = List.of("oversight.audit.offender-service", "oversight.audit.visit-scheduler",
            "oversight.audit.notification-service", "oversight.audit.assurance-service", "oversight.audit", "DLQ", "ExpiryQueue");

    /** Who may send to and consume from an address (a user per service, named after it). */
    public record Access(java.util.Set<String> senders, java.util.Set<String> consumers) {
    }

    /**
     * What each service may do on the broker: only the publisher sends to its address, only the subscribers consume
     * from it, nobody creates, deletes or manages anything (the topology is declared). Anything not named is refused.
     */
    public static final Map<String, Access> ACCESS = Map.ofEntries(
            Map.entry("oversight.offender-events", new Access(java.util.Set.of("offender-service"),
                    java.util.Set.of("visit-scheduler", "notification-service"))),
            Map.entry("oversight.compliance-events", new Access(java.util.Set.of("visit-scheduler"),
                    java.util.Set.of("notification-service"))),
            Map.entry("oversight.assurance-events", new Access(java.util.Set.of("assurance-service"),
                    java.util.Set.of("notification-service"))),
            Map.entry("oversight.audit.offender-service", new Access(java.util.Set.of("offender-service"),
                    java.util.Set.of("audit-service"))),
            Map.entry("oversight.audit.visit-scheduler", new Access(java.util.Set.of("visit-scheduler"),
                    java.util.Set.of("audit-service"))),
            Map.entry("oversight.audit.notification-service", new Access(java.util.Set.of("notification-service"),
                    java.util.Set.of("audit-service"))),
            Map.entry("oversight.audit.assurance-service", new Access(java.util.Set.of("assurance-service"),
                    java.util.Set.of("audit-service"))),
            Map.entry("oversight.audit", new Access(java.util.Set.of(), java.util.Set.of("audit-service"))));

    /**
     * Queues a service may only browse: the dead letters, which audit-service counts for the gauge of them
     * (DeadLetters) without taking any off the queue; an operator drains them with the broker's own tools.
     */
    public static final Map<String, java.util.Set<String>> BROWSE_ONLY = Map.of("DLQ", java.util.Set.of("audit-service"));

    /** Artemis's audit log records every message; kept quiet here (held strongly: JUL keeps loggers weakly). */
    private static final java.util.logging.Logger ARTEMIS_AUDIT = quiet("org.apache.activemq.audit");
    private static final java.util.logging.Logger ARTEMIS = quiet("org.apache.activemq.artemis");

    private final EmbeddedActiveMQ server;
    private final int port;

    private LocalBroker(EmbeddedActiveMQ server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Starts a broker on {@code port} that lets in only these users, each with {@link #ACCESS}; with {@code persistent},
     * messages survive a restart (journal in {@code dataDirectory}).
     */
    public static LocalBroker start(Path dataDirectory, int port, boolean persistent, BrokerUsers users) {
        try {
            Configuration configuration = configuration(dataDirectory, port, persistent);
            secure(configuration, users.hasHarness());
            org.apache.activemq.artemis.core.config.impl.SecurityConfiguration logins =
                    new org.apache.activemq.artemis.core.config.impl.SecurityConfiguration();
            users.passwords().forEach((user, password) -> {
                logins.addUser(user, password);
                logins.addRole(user, user);
            });
            EmbeddedActiveMQ server = new EmbeddedActiveMQ().setConfiguration(configuration)
                    .setSecurityManager(new org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager(
                            org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule.class.getName(), logins));
            server.start();
            return new LocalBroker(server, port);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the embedded ActiveMQ Artemis broker on port " + port, e);
        }
    }

    /**
     * The embedded broker's configuration: the topology and the redelivery settings of a deployed broker
     * (k8s/base/broker.properties, checked against this by LocalBrokerPropertiesTest), on one local AMQP acceptor.
     */
    static Configuration configuration(Path dataDirectory, int port, boolean persistent) throws Exception {
        Configuration config = new ConfigurationImpl()
                .setName("oversight-local")
                .setPersistenceEnabled(persistent)
                .setJournalType(JournalType.NIO)
                .setJournalDirectory(dataDirectory.resolve("journal").toString())
                .setBindingsDirectory(dataDirectory.resolve("bindings").toString())
                .setPagingDirectory(dataDirectory.resolve("paging").toString())
                .setLargeMessagesDirectory(dataDirectory.resolve("large-messages").toString())
                .setNodeManagerLockDirectory(dataDirectory.resolve("lock").toString())
                .setSecurityEnabled(true)
                .setJMXManagementEnabled(false)
                .setGracefulShutdownEnabled(true)
                .setGracefulShutdownTimeout(2000);
        config.addAcceptorConfiguration("amqp", "tcp://127.0.0.1:" + port + "?protocols=AMQP");
        config.addAddressSetting("#", new AddressSettings()
                .setDeadLetterAddress(SimpleString.of("DLQ"))
                .setExpiryAddress(SimpleString.of("ExpiryQueue"))
                .setMaxDeliveryAttempts(10)
                .setRedeliveryDelay(500)
                .setRedeliveryMultiplier(2)
                .setMaxRedeliveryDelay(30_000)
                .setAutoCreateQueues(true)
                .setAutoCreateAddresses(true));
        TOPOLOGY.forEach((address, queues) -> {
            CoreAddressConfiguration addressConfig = new CoreAddressConfiguration().setName(address)
                    .addRoutingType(RoutingType.MULTICAST);
            queues.forEach(queue -> addressConfig.addQueueConfiguration(QueueConfiguration.of(queue)
                    .setAddress(address).setRoutingType(RoutingType.MULTICAST).setDurable(true)));
            config.addAddressConfiguration(addressConfig);
        });
        QUEUES.forEach(queue -> config.addAddressConfiguration(new CoreAddressConfiguration().setName(queue)
                .addRoutingType(RoutingType.ANYCAST)
                .addQueueConfiguration(QueueConfiguration.of(queue).setAddress(queue)
                        .setRoutingType(RoutingType.ANYCAST).setDurable(true))));
        return config;
    }

    /**
     * The roles of {@link #ACCESS} (role = the service's user name), and for a test broker a harness role that may do
     * anything everywhere. Artemis applies the most specific match alone, so the harness is named on every address.
     */
    static void secure(Configuration config, boolean harness) {
        java.util.Set<org.apache.activemq.artemis.core.security.Role> anything = new java.util.HashSet<>();
        if (harness) {
            anything.add(new org.apache.activemq.artemis.core.security.Role(BrokerUsers.TEST_HARNESS,
                    true, true, true, true, true, true, true, true, true, true, true, true));
        }
        config.putSecurityRoles("#", anything);
        ACCESS.forEach((address, access) -> {
            java.util.Set<org.apache.activemq.artemis.core.security.Role> roles = new java.util.HashSet<>(anything);
            java.util.Set<String> users = new java.util.TreeSet<>(access.senders());
            users.addAll(access.consumers());
            for (String user : users) {
                boolean send = access.senders().contains(user);
                boolean consume = access.consumers().contains(user);
                roles.add(new org.apache.activemq.artemis.core.security.Role(user, send, consume,
                        false, false, false, false, false, consume, false, false, false, false));
            }
            config.putSecurityRoles(address, roles);
        });
        BROWSE_ONLY.forEach((queue, browsers) -> {
            java.util.Set<org.apache.activemq.artemis.core.security.Role> roles = new java.util.HashSet<>(anything);
            for (String user : browsers) {
                roles.add(new org.apache.activemq.artemis.core.security.Role(user, false, false,
                        false, false, false, false, false, true, false, false, false, false));
            }
            config.putSecurityRoles(queue, roles);
        });
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
    }

    public int port() {
        return port;
    }

    /** Messages waiting in a queue (not yet delivered and acknowledged). */
    public long messageCount(String queue) {
        var binding = server.getActiveMQServer().locateQueue(SimpleString.of(queue));
        return binding == null ? -1 : binding.getMessageCount();
    }

    /** A queue's state in a line, for diagnosing a test: waiting, in delivery, scheduled for redelivery, consumers. */
    public String describe(String queue) {
        var found = server.getActiveMQServer().locateQueue(SimpleString.of(queue));
        return found == null ? queue + ": no such queue" : String.format("%s: %d messages, %d in delivery, %d scheduled, %d consumers, %d added",
                queue, found.getMessageCount(), found.getDeliveringCount(), found.getScheduledCount(), found.getConsumerCount(),
                found.getMessagesAdded());
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop the embedded broker", e);
        }
    }
}
