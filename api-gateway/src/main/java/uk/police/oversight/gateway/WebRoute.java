package uk.police.oversight.gateway;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import org.jboss.logging.Logger;
import uk.police.oversight.common.web.RequestIds;

/**
 * The web app's pages: every path outside /api/ and /q/ goes to web-app, which signs its users in itself (OpenID
 * Connect) and calls the API back through this gateway with each user's own token. Only plain paths pass; a client
 * is held to the same per-address rate as an API client without a token. The security headers are the gateway's
 * (EdgeHeaders), with the page's own Content-Security-Policy kept.
 */
@ApplicationScoped
public class WebRoute {

    private static final Logger LOG = Logger.getLogger(WebRoute.class);
    static final String UNAVAILABLE = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sorry, the service is unavailable"
            + "</title></head><body><main><h1>Sorry, the service is unavailable</h1><p>Try again in a few minutes.</p></main></body></html>";

    @Inject
    Vertx vertx;

    @Inject
    GatewayConfig config;

    @Inject
    RateLimiter rateLimiter;

    @Inject
    PathTemplates templates;

    private HttpProxy proxy;

    void register(@Observes Router router) {
        if (config.webAppUrl().isEmpty()) {
            return;
        }
        URI web = config.webAppUrl().get();
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setIdleTimeout((int) config.idleTimeout().toSeconds())
                .setKeepAlive(true)
                .setMaxPoolSize(50));
        int port = web.getPort() > 0 ? web.getPort() : ("https".equals(web.getScheme()) ? 443 : 80);
        proxy = HttpProxy.reverseProxy(client).origin(port, web.getHost()).addInterceptor(new Forwarding());
        router.route().order(20).handler(this::handle);
    }

    /** Whether {@code path} is the web app's: not the API and not the gateway's own /q/ documents. */
    static boolean page(String path) {
        return !path.startsWith(ProxyRoute.API) && !path.equals("/api") && !path.startsWith("/q/") && !path.equals("/q");
    }

    void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        String path = request.path();
        if (!page(path)) {
            context.next();
            return;
        }
        request.pause();
        templates.label(path);
        if (!ProxyRoute.plain(context, path) || path.contains("%")) {
            request.response().setStatusCode(400).putHeader("Content-Type", "text/plain; charset=utf-8").end("Bad request");
            return;
        }
        RateLimiter.Outcome outcome = rateLimiter.take("address:" + ProxyRoute.clientAddress(request));
        if (!outcome.allowed()) {
            request.response().setStatusCode(429).putHeader("Retry-After", Long.toString(outcome.retryAfterSeconds()))
                    .putHeader("Content-Type", "text/plain; charset=utf-8").end("Too many requests; try again shortly");
            return;
        }
        proxy.handle(request);
    }

    /** Tells the web app the address the browser used (its sign-in redirects name it); a 503 page when it is down. */
    private static final class Forwarding implements ProxyInterceptor {

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            HttpServerRequest incoming = context.request().proxiedRequest();
            context.request().headers()
                    .set("X-Forwarded-For", ProxyRoute.clientAddress(incoming))
                    .set("X-Forwarded-Proto", incoming.scheme() == null ? "http" : incoming.scheme())
                    .set("X-Forwarded-Host", incoming.authority() == null ? "" : incoming.authority().toString());
            return context.sendRequest();
        }

        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            ProxyResponse response = context.response();
            if (response.getStatusCode() == 502 && response.getBody() == null) {
                HttpServerRequest incoming = context.request().proxiedRequest();
                LOG.warnf("No answer from the web app for %s %s", incoming.method(), incoming.path());
                response.setStatusCode(503);
                response.headers().clear();
                response.headers().set("Content-Type", "text/html; charset=utf-8").set("Retry-After", "5")
                        .set("Cache-Control", "no-store");
                response.setBody(Body.body(Buffer.buffer(UNAVAILABLE)));
            }
            response.headers().remove("Server");
            response.headers().remove(RequestIds.HEADER);
            return context.sendResponse();
        }
    }
}
