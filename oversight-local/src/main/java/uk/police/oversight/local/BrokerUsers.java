package uk.police.oversight.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Who may log in to the broker: one user per service, named after it, with a password of its own (and, in tests
 * only, a harness user that may do anything). What each may do is {@link LocalBroker#ACCESS}. The local stack keeps
 * the passwords it generated on first use in {@code <home>/keys/broker-users.properties} (never committed).
 */
public record BrokerUsers(Map<String, String> passwords) {

    /** The services that connect to the broker, each as itself. */
    public static final List<String> SERVICES = List.of("offender-service", "visit-scheduler", "notification-service", "audit-service",
            "assurance-service");
    /** A test client standing in for any service, in module tests only: never in the local stack or a deployment. */
    public static final String TEST_HARNESS = "oversight-tests";

    public BrokerUsers {
        passwords = Map.copyOf(passwords);
    }

    public String password(String user) {
        String password = passwords.get(user);
        if (password == null) {
            throw new IllegalArgumentException("No broker user " + user);
        }
        return password;
    }

    public boolean hasHarness() {
        return passwords.containsKey(TEST_HARNESS);
    }

    /** The local stack's users: read from the file, or generated and written there (owner-readable only) on first use. */
    public static BrokerUsers in(Path directory) {
        Path file = directory.resolve("broker-users.properties");
        Properties stored = new Properties();
        try {
            if (Files.exists(file)) {
                try (Reader reader = Files.newBufferedReader(file)) {
                    stored.load(reader);
                }
            }
            Map<String, String> passwords = new LinkedHashMap<>();
            boolean added = false;
            for (String service : SERVICES) {
                String password = stored.getProperty(service);
                if (password == null || password.isBlank()) {
                    password = random();
                    added = true;
                }
                passwords.put(service, password);
            }
            if (added) {
                Files.createDirectories(directory);
                Properties properties = new Properties();
                passwords.forEach(properties::setProperty);
                Path temporary = file.resolveSibling("broker-users.properties.tmp");
                try (Writer writer = Files.newBufferedWriter(temporary)) {
                    properties.store(writer, "The local broker's users, one per service (generated; never commit)");
                }
                try {
                    Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // Not a POSIX file system: the directory's own permissions apply.
                }
                Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            return new BrokerUsers(passwords);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the broker's users in " + file, e);
        }
    }

    /** Users for a test broker: every service and the harness, with passwords made up for the run. */
    public static BrokerUsers forTests() {
        Map<String, String> passwords = new LinkedHashMap<>();
        SERVICES.forEach(service -> passwords.put(service, random()));
        passwords.put(TEST_HARNESS, random());
        return new BrokerUsers(passwords);
    }

    private static String random() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
