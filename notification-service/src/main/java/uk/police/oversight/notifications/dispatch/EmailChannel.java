package uk.police.oversight.notifications.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import uk.police.oversight.messaging.EventTracing;
import uk.police.oversight.notifications.digest.Digest;
import uk.police.oversight.notifications.model.Notification;
import uk.police.oversight.notifications.model.NotificationType;
import uk.police.oversight.notifications.model.StaffContact;

/**
 * Emails over SMTP (Quarkus Mailer): plain text and HTML from the Qute templates in templates/emails, subject lines a
 * manager can triage from an inbox. They carry the offender's PNC id, risk and due date, and no name or address; those
 * about a tracked action its reference, title and due date.
 */
@ApplicationScoped
public class EmailChannel {

    @Inject
    ReactiveMailer mailer;

    @Inject
    EventTracing tracing;

    @ConfigProperty(name = "quarkus.mailer.host")
    String smtpHost;

    @ConfigProperty(name = "quarkus.mailer.port", defaultValue = "25")
    int smtpPort;

    /**
     * How long one SMTP send may take before it counts as failed and is retried: a relay that stops answering on an
     * open connection (one it dropped without closing, as a restart can leave it) must not hold the dispatcher, and
     * with it every other notification, for ever.
     */
    @ConfigProperty(name = "oversight.notifications.smtp-timeout", defaultValue = "60s")
    Duration smtpTimeout;

    @Inject
    Engine templates;

    @Inject
    ObjectMapper objectMapper;

    /** The subject, text and HTML of a notification's email. */
    public record Email(String subject, String text, String html) {
    }

    public Delivery send(Notification notification, StaffContact recipient) {
        Email email;
        try {
            email = render(notification, recipient);
        } catch (Exception e) {
            return Delivery.refused("Could not render the email: " + e.getMessage());
        }
        // The span names the relay, never the recipient or the subject line (which carries a PNC id).
        Span span = tracing.calling("smtp send", smtpHost, smtpPort);
        try {
            mailer.send(Mail.withText(recipient.email, email.subject(), email.text()).setHtml(email.html())).await().atMost(smtpTimeout);
            return Delivery.delivered("email to " + recipient.email);
        } catch (io.smallrye.mutiny.TimeoutException e) {
            EventTracing.failed(span, e);
            return Delivery.failed("SMTP: no answer within " + smtpTimeout.toSeconds() + " s");
        } catch (RuntimeException e) {
            EventTracing.failed(span, e);
            return Delivery.failed("SMTP: " + rootMessage(e));
        } finally {
            span.end();
        }
    }

    Email render(Notification notification, StaffContact recipient) throws Exception {
        String template = switch (notification.type) {
            case DUE_SOON -> "emails/due-soon";
            case OVERDUE -> "emails/overdue";
            case ESCALATION -> "emails/escalation";
            case DIGEST -> "emails/digest";
            case ACTION_DUE_SOON -> "emails/action-due-soon";
            case ACTION_OVERDUE -> "emails/action-overdue";
        };
        Map<String, Object> data;
        String subject;
        if (notification.type == NotificationType.DIGEST) {
            Digest digest = objectMapper.readValue(notification.payload, Digest.class);
            data = Map.of("recipient", recipient, "digest", digest);
            subject = "Daily digest " + digest.date() + ": " + digest.overdue().size() + " overdue, " + digest.dueSoon().size()
                    + " due soon, " + digest.reviewsOverdue().size() + " risk reviews overdue";
        } else if (notification.type == NotificationType.ACTION_DUE_SOON || notification.type == NotificationType.ACTION_OVERDUE) {
            JsonNode event = objectMapper.readTree(notification.payload).get("data");
            Reminder reminder = new Reminder(event.path("reference").asText(), event.path("title").asText(),
                    LocalDate.parse(event.path("dueOn").asText()), event.path("status").asText());
            data = Map.of("recipient", recipient, "action", reminder);
            subject = (notification.type == NotificationType.ACTION_DUE_SOON ? "Action due " + reminder.dueOn() + ": "
                    : "OVERDUE action: ") + reminder.reference() + " " + reminder.title()
                    + (notification.type == NotificationType.ACTION_OVERDUE ? " was due " + reminder.dueOn() : "");
        } else {
            JsonNode event = objectMapper.readTree(notification.payload).get("data");
            Notice notice = new Notice(event.path("pncId").asText(), event.path("riskLevel").asText(),
                    event.path("areaCode").asText(), LocalDate.parse(event.path("dueOn").asText()), event.path("daysOverdue").asLong(),
                    event.hasNonNull("lastVisitOn") ? LocalDate.parse(event.get("lastVisitOn").asText()) : null,
                    event.path("escalateAfterDaysOverdue").asInt());
            data = Map.of("recipient", recipient, "notice", notice);
            subject = switch (notification.type) {
                case DUE_SOON -> "Visit due " + notice.dueOn() + ": " + notice.pncId() + " (" + notice.riskLevel() + " risk)";
                case OVERDUE -> "OVERDUE visit: " + notice.pncId() + " (" + notice.riskLevel() + " risk) was due " + notice.dueOn();
                default -> "ESCALATION: " + notice.pncId() + " (" + notice.riskLevel() + " risk) " + notice.daysOverdue()
                        + " days overdue, area " + notice.areaCode();
            };
        }
        return new Email("[Oversight] " + subject, render(template + ".txt", data), render(template + ".html", data));
    }

    private String render(String name, Map<String, Object> data) {
        TemplateInstance instance = templates.getTemplate(name).instance();
        data.forEach(instance::data);
        return instance.render();
    }

    /** What a single-offender email says. */
    public record Notice(String pncId, String riskLevel, String areaCode, LocalDate dueOn, long daysOverdue,
            LocalDate lastVisitOn, int escalateAfterDaysOverdue) {
    }

    /** What an email about a tracked action says. */
    public record Reminder(String reference, String title, LocalDate dueOn, String status) {
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
