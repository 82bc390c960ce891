package uk.police.oversight.notifications.dispatch;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import uk.police.oversight.messaging.EventTracing;
import uk.police.oversight.notifications.model.Notification;
import uk.police.oversight.notifications.model.WebhookSubscription;
import uk.police.oversight.notifications.webhooks.WebhookConfig;
import uk.police.oversight.notifications.webhooks.WebhookTargets;

/**
 * Webhooks to force systems: the event as a JSON POST, signed with HMAC-SHA256 under the subscription's secret over
 * the timestamp and the exact body (`X-Oversight-Timestamp`, `X-Oversight-Signature: sha256=<hex>` of
 * `<timestamp>.<body>`), so that a captured delivery cannot be replayed later. The target is checked and resolved
 * again at every delivery and the request goes to the address that was checked ({@link WebhookTargets}). Any 2xx
 * answer is a delivery; of any other, only the status is kept, never the body, nor a non-HTTP reply's text.
 */
@ApplicationScoped
public class WebhookChannel {

    public static final String SIGNATURE_HEADER = "X-Oversight-Signature";
    public static final String TIMESTAMP_HEADER = "X-Oversight-Timestamp";

    @Inject
    Vertx vertx;

    @Inject
    WebhookTargets targets;

    @Inject
    WebhookConfig config;

    @Inject
    Clock clock;

    @Inject
    EventTracing tracing;

    private HttpClient http;

    @PostConstruct
    void open() {
        http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(false)
                .setVerifyHost(true)
                .setForceSni(true)
                .setMaxPoolSize(8)
                // The call is traced here (a span of the delivery's trace, its traceparent sent along), not by Vert.x,
                // which sees no trace on the dispatcher's thread and would start a new one.
                .setTracingPolicy(io.vertx.core.tracing.TracingPolicy.IGNORE));
    }

    @PreDestroy
    void close() {
        if (http != null) {
            http.close();
        }
    }

    public Delivery send(Notification notification, WebhookSubscription subscription) {
        WebhookTargets.Target target;
        try {
            target = targets.check(subscription.url);
        } catch (WebhookTargets.Refused refused) {
            // Nothing was sent: the host does not resolve now (tried again later), or its address is not one webhooks
            // may reach (any more), which disables the subscription.
            return refused.temporary() ? Delivery.failed("The webhook URL " + refused.getMessage())
                    : Delivery.refused("The webhook URL " + refused.getMessage());
        }
        byte[] body = notification.payload.getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        String path = target.uri().getRawPath() == null || target.uri().getRawPath().isEmpty() ? "/" : target.uri().getRawPath();
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(target.port(), target.address().getHostAddress()))
                .setHost(target.host())
                .setPort(target.port())
                .setSsl(target.https())
                .setURI(target.uri().getRawQuery() == null ? path : path + "?" + target.uri().getRawQuery())
                .setFollowRedirects(false)
                .setIdleTimeout(config.answerTimeout().toMillis())
                .putHeader("Content-Type", "application/cloudevents+json")
                .putHeader("User-Agent", "oversight-notification-service")
                .putHeader("X-Oversight-Delivery", notification.id.toString())
                .putHeader("X-Oversight-Notification-Type", notification.type.name())
                .putHeader(TIMESTAMP_HEADER, timestamp)
                .putHeader(SIGNATURE_HEADER, signature(subscription.secret, timestamp, body));
        String to = "webhook " + subscription.url;
        boolean[] connected = {false};
        Span span = tracing.calling("POST webhook", target.host(), target.port());
        String traceparent;
        try (Scope scope = span.makeCurrent()) {
            traceparent = uk.police.oversight.common.tracing.TraceContext.traceparent();
        }
        if (traceparent != null) {
            request.putHeader("traceparent", traceparent);
        }
        try {
            int status = http.request(request)
                    .compose(outgoing -> {
                        connected[0] = true;
                        return outgoing.send(Buffer.buffer(body)).onSuccess(response -> outgoing.connection().close());
                    })
                    .map(response -> response.statusCode())
                    .toCompletionStage().toCompletableFuture()
                    .get(config.connectTimeout().plus(config.answerTimeout()).toMillis() + 1000, TimeUnit.MILLISECONDS);
            span.setAttribute(io.opentelemetry.api.common.AttributeKey.longKey("http.response.status_code"), (long) status);
            if (status / 100 == 2) {
                return Delivery.delivered(to);
            }
            span.setStatus(io.opentelemetry.api.trace.StatusCode.ERROR, "HTTP " + status);
            return Delivery.failedAfterSending("HTTP " + status + " from " + subscription.url, to);
        } catch (ExecutionException | TimeoutException e) {
            EventTracing.failed(span, e instanceof ExecutionException ? e.getCause() : e);
            String reason = reason(e instanceof ExecutionException ? e.getCause() : e);
            // Once connected, the body may have reached the target: the attempt is a disclosure all the same.
            return connected[0] ? Delivery.failedAfterSending(reason + " posting to " + subscription.url, to)
                    : Delivery.failed(reason + " posting to " + subscription.url);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Delivery.failed("interrupted");
        } finally {
            span.end();
        }
    }

    /** What went wrong, in words of our own: a target's reply (a banner, an error page) is never repeated. */
    static String reason(Throwable failure) {
        if (failure instanceof TimeoutException || failure instanceof io.netty.channel.ConnectTimeoutException
                || failure instanceof java.util.concurrent.TimeoutException
                || failure instanceof io.vertx.core.http.StreamResetException) {
            return "No answer in time";
        }
        if (failure instanceof java.net.ConnectException) {
            return "Connection refused";
        }
        if (failure instanceof javax.net.ssl.SSLException) {
            return "TLS handshake failed";
        }
        if (failure instanceof io.vertx.core.VertxException && failure.getMessage() != null
                && failure.getMessage().toLowerCase(java.util.Locale.ROOT).contains("closed")) {
            return "Connection closed before an answer";
        }
        return "No HTTP answer";
    }

    /**
     * `sha256=` and the hex HMAC-SHA256, under the secret, of the timestamp, a full stop and the body: what a receiver
     * recomputes to verify, after checking the timestamp is recent (docs/events.md, "Webhooks").
     */
    public static String signature(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
