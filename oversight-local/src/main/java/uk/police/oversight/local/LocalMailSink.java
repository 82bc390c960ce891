package uk.police.oversight.local;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A local SMTP server (GreenMail) that keeps every mail it receives as an .eml file in a folder, and optionally
 * shows them on a small web page: the mail sink of the local stack and of the notification tests.
 */
public final class LocalMailSink implements AutoCloseable {

    /** GreenMail logs each new mailbox with its address at INFO; addresses are staff data, kept out of the logs. */
    private static final java.util.logging.Logger GREENMAIL = java.util.logging.Logger.getLogger("com.icegreen.greenmail");

    static {
        GREENMAIL.setLevel(java.util.logging.Level.WARNING);
    }

    private final Path directory;
    private final int smtpPort;
    private GreenMail smtp;
    private HttpServer web;
    private ScheduledExecutorService keeper;
    private int kept;

    private LocalMailSink(Path directory, int smtpPort) {
        this.directory = directory;
        this.smtpPort = smtpPort;
    }

    /** Starts SMTP on {@code smtpPort} and, unless {@code webPort} is negative, a mail viewer on {@code webPort}. */
    public static LocalMailSink start(Path directory, int smtpPort, int webPort) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LocalMailSink sink = new LocalMailSink(directory, smtpPort);
        try (Stream<Path> existing = Files.list(directory)) {
            sink.kept = (int) existing.filter(p -> p.toString().endsWith(".eml")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sink.startSmtp();
        sink.keeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mail-sink");
            thread.setDaemon(true);
            return thread;
        });
        sink.keeper.scheduleWithFixedDelay(sink::keepQuietly, 100, 100, TimeUnit.MILLISECONDS);
        if (webPort >= 0) {
            sink.startWeb(webPort);
        }
        return sink;
    }

    private synchronized void startSmtp() {
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        smtp.start();
    }

    /** Stops accepting mail, as an outage of the force's SMTP relay would. */
    public synchronized void stopSmtp() {
        keep();
        if (smtp != null) {
            smtp.stop();
            smtp = null;
        }
    }

    /** Accepts mail again on the same port. */
    public synchronized void startSmtpAgain() {
        if (smtp == null) {
            startSmtp();
        }
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int webPort() {
        return web == null ? -1 : web.getAddress().getPort();
    }

    public Path directory() {
        return directory;
    }

    /**
     * Moves the mails received since the last look into the folder, one .eml file each, oldest first. Only the
     * messages written out are removed from the server, so a mail arriving meanwhile waits for the next look; each
     * file appears whole (written aside, then moved into place), so a reader never sees half a mail.
     */
    private synchronized void keep() {
        if (smtp == null) {
            return;
        }
        try {
            ImapHostManager mailboxes = smtp.getManagers().getImapHostManager();
            List<Received> received = new ArrayList<>();
            for (GreenMailUser user : smtp.getUserManager().listUser()) {
                MailFolder inbox = mailboxes.getInbox(user);
                for (long uid : inbox.getMessageUids()) { // a copy: the live list grows as mail arrives
                    StoredMessage message = inbox.getMessage(uid);
                    if (message != null) {
                        received.add(new Received(inbox, message));
                    }
                }
            }
            received.sort(Comparator.comparing((Received r) -> r.message().getReceivedDate()).thenComparing(r -> r.message().getUid()));
            Set<MailFolder> touched = new HashSet<>();
            for (Received mail : received) {
                Path file = directory.resolve(String.format("%06d.eml", kept + 1));
                Path aside = directory.resolve(file.getFileName() + ".part");
                Files.writeString(aside, GreenMailUtil.getWholeMessage(mail.message().getMimeMessage()), StandardCharsets.UTF_8);
                Files.move(aside, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                kept++;
                mail.message().setFlag(Flags.Flag.DELETED, true);
                touched.add(mail.inbox());
            }
            for (MailFolder inbox : touched) {
                inbox.expunge();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not keep a received mail", e);
        }
    }

    /** The periodic look: a failure is logged and the next look tries again (a thrown exception would end them). */
    private void keepQuietly() {
        try {
            keep();
        } catch (RuntimeException e) {
            java.util.logging.Logger.getLogger(LocalMailSink.class.getName()).log(java.util.logging.Level.WARNING, e.getMessage(), e);
        }
    }

    private record Received(MailFolder inbox, StoredMessage message) {
    }

    /** Every mail received so far, oldest first. */
    public List<Mail> mails() {
        keep();
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> emls = files.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
            List<Mail> mails = new ArrayList<>();
            for (Path eml : emls) {
                mails.add(Mail.read(eml));
            }
            return mails;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A received mail: who it went to, its subject, and its plain-text and HTML bodies. */
    public record Mail(Path file, List<String> to, String subject, String text, String html) {

        public static Mail read(Path file) {
            try (InputStream in = new ByteArrayInputStream(Files.readAllBytes(file))) {
                MimeMessage message = new MimeMessage(jakarta.mail.Session.getInstance(new Properties()), in);
                Address[] recipients = message.getAllRecipients();
                List<String> to = recipients == null ? List.of() : Arrays.stream(recipients).map(Address::toString).toList();
                String[] bodies = new String[2];
                collect(message, bodies);
                return new Mail(file, to, message.getSubject(), bodies[0], bodies[1]);
            } catch (IOException | MessagingException e) {
                throw new IllegalStateException("Not a readable mail: " + file, e);
            }
        }

        private static void collect(Part part, String[] bodies) throws MessagingException, IOException {
            if (part.isMimeType("text/plain") && bodies[0] == null) {
                bodies[0] = String.valueOf(part.getContent());
            } else if (part.isMimeType("text/html") && bodies[1] == null) {
                bodies[1] = String.valueOf(part.getContent());
            } else if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    collect(multipart.getBodyPart(i), bodies);
                }
            }
        }
    }

    private void startWeb(int port) {
        try {
            web = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the mail viewer on port " + port, e);
        }
        web.createContext("/", this::page);
        web.setExecutor(Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mail-viewer");
            thread.setDaemon(true);
            return thread;
        }));
        web.start();
    }

    /** `/` lists the mails, newest first; `/NNNNNN` shows one (text and HTML). */
    private void page(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        List<Mail> mails = mails();
        StringBuilder html = new StringBuilder("<!doctype html><meta charset=utf-8><title>Oversight mail sink</title>"
                + "<style>body{font-family:sans-serif;margin:2em}td{padding:.2em 1em;border-bottom:1px solid #ddd}"
                + "pre{background:#f6f6f6;padding:1em;white-space:pre-wrap}</style>");
        int status = 200;
        if (path.equals("/")) {
            html.append("<h1>Mail sink</h1><p>").append(mails.size()).append(" mails, newest first. Files: ")
                    .append(escape(directory.toString())).append("</p><table>");
            for (int i = mails.size() - 1; i >= 0; i--) {
                Mail mail = mails.get(i);
                String name = mail.file().getFileName().toString().replace(".eml", "");
                html.append("<tr><td><a href=\"/").append(name).append("\">").append(escape(mail.subject())).append("</a></td><td>")
                        .append(escape(String.join(", ", mail.to()))).append("</td></tr>");
            }
            html.append("</table>");
        } else {
            Mail mail = mails.stream().filter(m -> m.file().getFileName().toString().equals(path.substring(1) + ".eml"))
                    .findFirst().orElse(null);
            if (mail == null) {
                status = 404;
                html.append("<p>No such mail. <a href=\"/\">All mails</a></p>");
            } else {
                html.append("<p><a href=\"/\">All mails</a></p><h1>").append(escape(mail.subject())).append("</h1><p>To: ")
                        .append(escape(String.join(", ", mail.to()))).append("</p><h2>Text</h2><pre>")
                        .append(escape(String.valueOf(mail.text()))).append("</pre><h2>HTML</h2>")
                        .append("<iframe sandbox style=\"width:100%;height:30em;border:1px solid #ddd\" srcdoc=\"")
                        .append(escape(String.valueOf(mail.html()))).append("\"></iframe>");
            }
        }
        byte[] body = html.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String escape(String text) {
        return text == null ? "" : text.chars().mapToObj(c -> switch (c) {
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '&' -> "&amp;";
            case '"' -> "&quot;";
            default -> String.valueOf((char) c);
        }).collect(Collectors.joining());
    }

    @Override
    public void close() {
        stopSmtp();
        if (keeper != null) {
            keeper.shutdownNow();
        }
        if (web != null) {
            web.stop(0);
        }
    }
}
