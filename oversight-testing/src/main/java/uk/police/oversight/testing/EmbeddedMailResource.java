package uk.police.oversight.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import uk.police.oversight.local.LocalMailSink;

/**
 * A real SMTP server (GreenMail) for a service's {@code @QuarkusTest}s; every mail it receives is kept as a file in
 * {@code oversight.test.mail-dir}, where {@link #mails(Path)} reads them.
 */
public class EmbeddedMailResource implements QuarkusTestResourceLifecycleManager {

    private static LocalMailSink sink;

    @Override
    public Map<String, String> start() {
        synchronized (EmbeddedMailResource.class) {
            if (sink == null) {
                Path directory = Path.of(System.getProperty("oversight.test.dir", "target"), "mail", UUID.randomUUID().toString());
                sink = LocalMailSink.start(directory.toAbsolutePath(), EmbeddedBrokerResource.freePort(), -1);
            }
        }
        return Map.of("quarkus.mailer.host", "localhost", "quarkus.mailer.port", Integer.toString(sink.smtpPort()),
                "quarkus.mailer.start-tls", "DISABLED", "quarkus.mailer.mock", "false",
                "oversight.test.mail-dir", sink.directory().toString());
    }

    /** The sink started for this run (null in a class loader that did not start it). */
    public static synchronized LocalMailSink sink() {
        return sink;
    }

    /** Every mail kept in the folder so far, oldest first. */
    public static List<LocalMailSink.Mail> mails(Path directory) {
        try (var files = java.nio.file.Files.list(directory)) {
            return files.filter(p -> p.toString().endsWith(".eml")).sorted().map(LocalMailSink.Mail::read).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        synchronized (EmbeddedMailResource.class) {
            if (sink != null) {
                sink.close();
                sink = null;
            }
        }
    }
}
