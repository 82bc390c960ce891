package uk.police.oversight.gateway;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import io.vertx.httpproxy.Body;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import uk.police.oversight.common.problem.Problem;
import uk.police.oversight.common.problem.ProblemType;
import uk.police.oversight.common.web.RequestIds;

/**
 * The front door for `/api/v1/**`: checks the path, the body size, the bearer token (verified here, before any
 * upstream is touched, and again by the service) and the client's rate, then streams the request to the owning
 * service with vertx-http-proxy and its answer back, status, headers and body as they are.
 */
@ApplicationScoped
public class ProxyRoute {

    static final String API = "/api/";
    private static final Logger LOG = Logger.getLogger(ProxyRoute.class);
    private static final String ROUTE_KEY = "oversight.route";
    /** Set on a proxy context whose request is being sent again, on a connection of its own. */
    private static final String RETRY_KEY = "oversight.retry";

    @Inject
    Vertx vertx;

    @Inject
    GatewayConfig config;

    @Inject
    RouteTable routes;

    @Inject
    RateLimiter rateLimiter;

    @Inject
    JWTParser jwtParser;

    @Inject
    EdgeResponses edge;

    @Inject
    VerifiedTokens verifiedTokens;

    @Inject
    PathTemplates templates;

    private HttpProxy proxy;
    /** Connections used once: for sending a request again after its pooled connection died under it. */
    private HttpClient freshConnections;

    void register(@Observes Router router) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setIdleTimeout((int) config.idleTimeout().toSeconds())
                .setKeepAlive(true)
                .setMaxPoolSize(200)
                .setPipelining(false)
                // Traced by the interceptor (the gateway's span is the service's parent), not by Vert.x a second time.
                .setTracingPolicy(io.vertx.core.tracing.TracingPolicy.IGNORE));
        freshConnections = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setIdleTimeout((int) config.idleTimeout().toSeconds())
                .setKeepAlive(false)
                .setMaxPoolSize(50)
                // Traced by the interceptor (the gateway's span is the service's parent), not by Vert.x a second time.
                .setTracingPolicy(io.vertx.core.tracing.TracingPolicy.IGNORE));
        proxy = HttpProxy.reverseProxy(client)
                .origin(this::origin)
                .addInterceptor(new UpstreamInterceptor());
        router.route(API + "*").order(10).handler(this::handle);
    }

    /**
     * A declared body over the limit is answered with a problem before anything else looks at the request: before the
     * HTTP layer's own check, which would answer an empty 413 for one over Quarkus's limit.
     */
    void bodyLimit(@Observes Filters filters) {
        filters.register(context -> {
            HttpServerRequest request = context.request();
            String length = request.getHeader("Content-Length");
            if (length != null && length.strip().matches("[0-9]{1,18}") && Long.parseLong(length.strip()) > config.maxBodySize()) {
                edge.send(request, ProblemType.PAYLOAD_TOO_LARGE, "The request body is larger than the " + config.maxBodySize()
                        + " bytes the API accepts", Map.of());
                return;
            }
            context.next();
        }, 900);
    }

    void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        request.pause();
        String path = request.path();
        templates.label(path);
        if (!sizesAcceptable(request)) {
            return;
        }
        if (!plain(context, path)) {
            edge.send(request, ProblemType.BAD_REQUEST, "The path must be plain: no dot segments or encoded slashes", Map.of());
            return;
        }
        var target = routes.resolve(path);
        if (target.isEmpty()) {
            edge.send(request, ProblemType.NOT_FOUND, "No resource at " + path, Map.of());
            return;
        }
        if (!bodyAcceptable(request)) {
            return;
        }
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7) || authorization.length() < 8) {
            limitedThen(request, "address:" + clientAddress(request), () -> edge.send(request, ProblemType.UNAUTHORIZED,
                    "A valid bearer token is required", Map.of("WWW-Authenticate", "Bearer")));
            return;
        }
        String token = authorization.substring(7).strip();
        String known = verifiedTokens.subject(token, System.currentTimeMillis() / 1000);
        if (known != null) {
            limitedThen(request, "subject:" + known, () -> forward(context, request, target.get()));
            return;
        }
        vertx.<JsonWebToken>executeBlocking(() -> jwtParser.parse(token), false).onComplete(verified -> {
            if (verified.failed()) {
                LOG.debugf("Refused a token: %s", verified.cause() instanceof ParseException ? verified.cause().getMessage() : verified.cause());
                limitedThen(request, "address:" + clientAddress(request), () -> edge.send(request, ProblemType.UNAUTHORIZED,
                        "The bearer token is not valid (signature, issuer, audience or expiry)",
                        Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\"")));
                return;
            }
            verifiedTokens.remember(token, verified.result(), System.currentTimeMillis() / 1000);
            limitedThen(request, "subject:" + verified.result().getSubject(), () -> forward(context, request, target.get()));
        });
    }

    /**
     * No dot segments, and no encoded slash that a service could read as a path separator; the one exception is the
     * last segment of a PNC look-up, where a client's generator encodes the canonical form's slash
     * (`by-pnc/2011%2F0645681U`) and the service reads it as one parameter.
     */
    static boolean plain(RoutingContext context, String path) {
        if (path.contains("..") || path.toLowerCase(java.util.Locale.ROOT).contains("%2e")) {
            return false;
        }
        boolean encodedSlash = path.contains("%2f") || path.contains("%2F");
        if (encodedSlash) {
            return ENCODED_SLASH_ALLOWED.matcher(path).matches();
        }
        return context.normalizedPath().equals(path);
    }

    /** The PNC look-up with one encoded slash in its PNC id (YYYY%2FNNNNNNNC or YY%2FN…C). */
    private static final java.util.regex.Pattern ENCODED_SLASH_ALLOWED =
            java.util.regex.Pattern.compile("/api/v1/offenders/by-pnc/[0-9]{2,4}%2[fF][0-9]{1,7}[A-Za-z]");

    private void forward(RoutingContext context, HttpServerRequest request, RouteTable.Target target) {
        context.put(ROUTE_KEY, target);
        proxy.handle(request);
    }

    /**
     * Runs {@code next} if the client has requests left, else answers 429 with Retry-After; either way the answer tells
     * the client its allowance and what is left of it (RateLimit-Policy, RateLimit: the IETF draft's fields).
     */
    private void limitedThen(HttpServerRequest request, String client, Runnable next) {
        RateLimiter.Outcome outcome = rateLimiter.take(client);
        request.response().putHeader("RateLimit-Policy", rateLimiter.policy()).putHeader("RateLimit", outcome.rateLimit());
        if (!outcome.allowed()) {
            edge.send(request, ProblemType.TOO_MANY_REQUESTS, "Too many requests from this client; slow down",
                    Map.of("Retry-After", Long.toString(outcome.retryAfterSeconds())));
            return;
        }
        next.run();
    }

    /** 414 for a request target over the limit, 431 for headers over theirs: problems, like every other refusal. */
    private boolean sizesAcceptable(HttpServerRequest request) {
        if (request.uri().length() > config.maxUriLength()) {
            edge.send(request, ProblemType.URI_TOO_LONG, "The path and query are longer than the " + config.maxUriLength()
                    + " characters the API accepts", Map.of());
            return false;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > config.maxHeaderBytes()) {
            edge.send(request, ProblemType.HEADERS_TOO_LARGE, "The request headers are larger than the " + config.maxHeaderBytes()
                    + " bytes the API accepts", Map.of());
            return false;
        }
        return true;
    }

    /**
     * 400 for a Content-Length that is not a number; 411 for a body of unknown length (so the limit can hold). A declared
     * body over the limit never gets here: {@link #bodyLimit} answered it.
     */
    private boolean bodyAcceptable(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        if (length != null) {
            try {
                Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                edge.send(request, ProblemType.BAD_REQUEST, "Content-Length is not a number", Map.of());
                return false;
            }
            return true;
        }
        boolean chunked = "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
        if (chunked && request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
            edge.send(request, ProblemType.LENGTH_REQUIRED, "Send the body with a Content-Length", Map.of());
            return false;
        }
        return true;
    }

    private Future<io.vertx.core.http.HttpClientRequest> origin(ProxyContext context) {
        RouteTable.Target target = routes.resolve(context.request().proxiedRequest().path()).orElseThrow();
        int port = target.url().getPort() > 0 ? target.url().getPort() : ("https".equals(target.url().getScheme()) ? 443 : 80);
        HttpClient client = Boolean.TRUE.equals(context.get(RETRY_KEY, Boolean.class)) ? freshConnections : context.client();
        return client.request(new RequestOptions()
                .setHost(target.url().getHost())
                .setPort(port)
                .setSsl("https".equals(target.url().getScheme()))
                .setIdleTimeout(config.idleTimeout().toMillis())
                .setConnectTimeout(config.connectTimeout().toMillis()));
    }

    static String clientAddress(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }

    /** A read (GET, HEAD, OPTIONS) without a body: safe to send to the upstream a second time. */
    static boolean safeToSendAgain(HttpServerRequest request) {
        HttpMethod method = request.method();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS) {
            return false;
        }
        String length = request.getHeader("Content-Length");
        return request.getHeader("Transfer-Encoding") == null && (length == null || length.strip().equals("0"));
    }

    /**
     * Adds the forwarding headers upstream; sends a read again, once, on a new connection when the upstream's
     * connection closed before it answered (a pooled keep-alive connection the service had just closed, or a
     * replica going away); turns "no upstream answered" into a 503 problem with Retry-After.
     */
    private final class UpstreamInterceptor implements ProxyInterceptor {

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            HttpServerRequest incoming = context.request().proxiedRequest();
            context.request().headers()
                    .set("X-Forwarded-For", clientAddress(incoming))
                    .set("X-Forwarded-Proto", incoming.scheme() == null ? "http" : incoming.scheme())
                    .set("X-Forwarded-Host", incoming.authority() == null ? "" : incoming.authority().toString());
            // The service's span is a child of the gateway's (not of the caller's, whose traceparent came in with the
            // request and would otherwise be copied through): one trace, the gateway's hop in it.
            String traceparent = uk.police.oversight.common.tracing.TraceContext.traceparent();
            if (traceparent != null) {
                context.request().headers().set("traceparent", traceparent);
            }
            if (!safeToSendAgain(incoming)) {
                return context.sendRequest();
            }
            // No body to stream: an empty one, so that the request can be sent twice; the client's (empty) request is
            // read to its end here instead of by the body's pipe.
            context.request().setBody(Body.body(io.vertx.core.buffer.Buffer.buffer()));
            incoming.resume();
            return context.sendRequest().recover(failure -> {
                if (failure instanceof java.util.concurrent.TimeoutException || failure instanceof io.netty.channel.ConnectTimeoutException
                        || incoming.response().closed()) {
                    // A slow or unreachable upstream is not waited for twice; a client that has gone needs no answer.
                    return Future.failedFuture(failure);
                }
                LOG.infof("The upstream's connection closed before it answered %s %s (%s); sending it once more on a new connection",
                        incoming.method(), incoming.path(), failure.toString());
                context.set(RETRY_KEY, Boolean.TRUE);
                return context.sendRequest();
            });
        }

        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            ProxyResponse response = context.response();
            // The proxy answers 502 with no body when no upstream answered; an upstream's own 502 has a body.
            if (response.getStatusCode() == 502 && response.getBody() == null) {
                HttpServerRequest incoming = context.request().proxiedRequest();
                if (incoming.response().closed()) {
                    // The client closed its connection first; the proxy abandoned the upstream request. Nobody waits.
                    LOG.debugf("The client went away before %s %s was answered", incoming.method(), incoming.path());
                } else {
                    LOG.warnf("No answer from the upstream for %s %s", incoming.method(), incoming.path());
                }
                response.setStatusCode(503);
                response.headers().clear();
                response.headers().set("Content-Type", Problem.MEDIA_TYPE).set("Retry-After", "5");
                response.setBody(Body.body(edge.body(ProblemType.SERVICE_UNAVAILABLE,
                        "The service behind this path is not answering; try again shortly", incoming)));
            }
            response.headers().remove("Server");
            // The gateway's own X-Request-Id is on the answer already (the same id the upstream was given): one copy.
            response.headers().remove(RequestIds.HEADER);
            return context.sendResponse();
        }
    }
}
