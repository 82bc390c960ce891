package uk.police.oversight.notifications.dispatch;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import uk.police.oversight.notifications.model.Notification;
import uk.police.oversight.notifications.model.WebhookSubscription;

/**
 * Webhooks to force systems: the event as a JSON POST, signed with HMAC-SHA256 of the exact body under the
 * subscription's secret (`X-Oversight-Signature: sha256=<hex>`). Any 2xx answer is a delivery.
 */
@ApplicationScoped
public class WebhookChannel {

    public static final String SIGNATURE_HEADER = "X-Oversight-Signature";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public Delivery send(Notification notification, WebhookSubscription subscription) {
        byte[] body = notification.payload.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(subscription.url))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/cloudevents+json")
                .header("User-Agent", "oversight-notification-service")
                .header("X-Oversight-Delivery", notification.id.toString())
                .header("X-Oversight-Notification-Type", notification.type.name())
                .header(SIGNATURE_HEADER, signature(subscription.secret, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                return Delivery.delivered("webhook " + subscription.url);
            }
            return Delivery.failed("HTTP " + response.statusCode() + " from " + subscription.url);
        } catch (IOException e) {
            return Delivery.failed(e.getClass().getSimpleName() + " posting to " + subscription.url
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Delivery.failed("interrupted");
        }
    }

    /** `sha256=` and the hex HMAC-SHA256 of the body under the secret: what a receiver recomputes to verify. */
    public static String signature(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
