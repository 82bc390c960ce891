package uk.police.oversight.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker deployed on Kubernetes (k8s/base/broker.properties) is the broker the tests run against. */
class LocalBrokerPropertiesTest {

    private static final Path DEPLOYED = Path.of("..", "k8s", "base", "broker.properties");

    @Test
    void theDeployedBrokerHasTheLocalBrokersTopologyAndRedeliverySettings(@TempDir Path data) throws Exception {
        Configuration local = LocalBroker.configuration(data, 0, false);
        Configuration deployed = deployed(new ConfigurationImpl());

        assertEquals(local.getAddressSettings().get("#"), deployed.getAddressSettings().get("#"),
                "the redelivery settings of every address");
        assertEquals(topology(local), topology(deployed), "the addresses and their queues");
    }

    /** Who may send and consume where is the same on the deployed broker as on the one the tests run against. */
    @Test
    void theDeployedBrokerGrantsWhatTheLocalBrokerGrantsAndNothingMore(@TempDir Path data) throws Exception {
        Configuration local = LocalBroker.configuration(data, 0, false);
        LocalBroker.secure(local, false);
        Configuration deployed = deployed(new ConfigurationImpl());
        assertEquals(grants(local), grants(deployed));
        java.util.Set<String> addresses = new java.util.TreeSet<>(LocalBroker.ACCESS.keySet());
        addresses.addAll(LocalBroker.BROWSE_ONLY.keySet());
        assertEquals(addresses, grants(deployed).keySet(), "every address has its grants");
    }

    /** Address → role: what it may do (only the permissions a service could be given). */
    private static Map<String, String> grants(Configuration config) {
        Map<String, String> grants = new TreeMap<>();
        config.getSecurityRoles().forEach((match, roles) -> {
            if (match.equals("#")) {
                return;
            }
            grants.put(match, roles.stream().map(role -> role.getName() + (role.isSend() ? " send" : "")
                            + (role.isConsume() ? " consume" : "") + (role.isBrowse() ? " browse" : "")
                            + (role.isManage() || role.isCreateAddress() || role.isDeleteAddress() || role.isCreateDurableQueue()
                                    || role.isDeleteDurableQueue() || role.isCreateNonDurableQueue() || role.isDeleteNonDurableQueue()
                                    ? " MORE" : ""))
                    .sorted().collect(Collectors.joining(", ")));
        });
        return grants;
    }

    @Test
    void aBrokerStartedWithThePropertiesHasEveryQueueBeforeAnyConsumerConnects(@TempDir Path data) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ConfigurationImpl config = new ConfigurationImpl();
        config.setName("deployed").setPersistenceEnabled(false).setSecurityEnabled(false).setJMXManagementEnabled(false)
                .setJournalDirectory(data.resolve("journal").toString()).setBindingsDirectory(data.resolve("bindings").toString())
                .setPagingDirectory(data.resolve("paging").toString()).setLargeMessagesDirectory(data.resolve("large").toString())
                .setNodeManagerLockDirectory(data.resolve("lock").toString());
        deployed(config);
        config.addAcceptorConfiguration("amqp", "tcp://127.0.0.1:" + port + "?protocols=AMQP");
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ().setConfiguration(config);
        broker.start();
        try {
            for (var queues : LocalBroker.TOPOLOGY.values()) {
                queues.forEach(queue -> assertNotNull(broker.getActiveMQServer().locateQueue(SimpleString.of(queue)), queue));
            }
            LocalBroker.QUEUES.forEach(queue -> assertNotNull(broker.getActiveMQServer().locateQueue(SimpleString.of(queue)), queue));
            AddressSettings events = broker.getActiveMQServer().getAddressSettingsRepository().getMatch("oversight.offender-events");
            assertEquals(500, events.getRedeliveryDelay());
            assertEquals(10, events.getMaxDeliveryAttempts());
            assertEquals(SimpleString.of("DLQ"), events.getDeadLetterAddress());
        } finally {
            broker.stop();
        }
    }

    /** Applies the deployed properties as the broker does at start, failing on any key Artemis could not apply. */
    private static Configuration deployed(ConfigurationImpl config) throws Exception {
        assertTrue(Files.isRegularFile(DEPLOYED), DEPLOYED.toAbsolutePath() + " exists");
        config.parseProperties(DEPLOYED.toString());
        String status = config.getStatus();
        assertTrue(status.contains("\"errors\":[]"), "Artemis applied every property: " + status);
        return config;
    }

    /** Address → its routing types and its queues (name, address, routing type, durable). */
    private static Map<String, String> topology(Configuration config) {
        Map<String, String> topology = new TreeMap<>();
        for (CoreAddressConfiguration address : config.getAddressConfigurations()) {
            Set<String> queues = address.getQueueConfigs().stream()
                    .map(q -> q.getName() + " on " + q.getAddress() + " " + q.getRoutingType() + " durable "
                            + (q.isDurable() == null || q.isDurable()))
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
            topology.put(address.getName(), address.getRoutingTypes() + " " + queues);
        }
        return topology;
    }
}
