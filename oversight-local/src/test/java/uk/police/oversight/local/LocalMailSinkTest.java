package uk.police.oversight.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mail sink keeps every mail it receives, however the mails arrive. */
class LocalMailSinkTest {

    private static final int SENDERS = 4;
    private static final int MAILS_EACH = 60;

    @Test
    void mailsArrivingWhileEarlierOnesAreWrittenOutAreAllKeptOnce(@TempDir Path directory) throws Exception {
        int port = freePort();
        try (LocalMailSink sink = LocalMailSink.start(directory, port, -1)) {
            ServerSetup smtp = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
            ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
            try {
                List<Future<?>> sent = new ArrayList<>();
                for (int sender = 0; sender < SENDERS; sender++) {
                    int from = sender;
                    sent.add(senders.submit(() -> IntStream.range(0, MAILS_EACH).forEach(i -> GreenMailUtil.sendTextEmail(
                            "manager" + (i % 7) + "@force.police.example", "oversight@force.police.example",
                            "mail " + from + "-" + i, "body " + from + "-" + i, smtp))));
                }
                for (Future<?> future : sent) {
                    future.get();
                }
            } finally {
                senders.shutdown();
            }

            List<String> subjects = awaitMails(sink, SENDERS * MAILS_EACH).stream().map(LocalMailSink.Mail::subject).sorted().toList();
            List<String> expected = IntStream.range(0, SENDERS).boxed()
                    .flatMap(from -> IntStream.range(0, MAILS_EACH).mapToObj(i -> "mail " + from + "-" + i)).sorted().toList();
            List<String> missing = expected.stream().filter(subject -> !subjects.contains(subject)).toList();
            assertEquals(List.of(), missing, "every mail sent is kept");
            assertEquals(expected, subjects, "and kept once");
        }
    }

    @Test
    void mailSentAfterTheServerComesBackIsKept(@TempDir Path directory) throws Exception {
        int port = freePort();
        try (LocalMailSink sink = LocalMailSink.start(directory, port, -1)) {
            ServerSetup smtp = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
            GreenMailUtil.sendTextEmail("a@force.police.example", "oversight@force.police.example", "before", "1", smtp);
            sink.stopSmtp();
            sink.startSmtpAgain();
            GreenMailUtil.sendTextEmail("a@force.police.example", "oversight@force.police.example", "after", "2", smtp);

            assertEquals(List.of("before", "after"), awaitMails(sink, 2).stream().map(LocalMailSink.Mail::subject).toList());
        }
    }

    /** The mails once {@code expected} are kept, or what was kept after ten seconds without a new one. */
    private static List<LocalMailSink.Mail> awaitMails(LocalMailSink sink, int expected) throws InterruptedException {
        List<LocalMailSink.Mail> mails = sink.mails();
        long quietSince = System.nanoTime();
        while (mails.size() < expected && System.nanoTime() - quietSince < 10_000_000_000L) {
            Thread.sleep(100);
            List<LocalMailSink.Mail> now = sink.mails();
            if (now.size() != mails.size()) {
                quietSince = System.nanoTime();
            }
            mails = now;
        }
        Thread.sleep(300); // a mail kept twice would show now
        return sink.mails();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
