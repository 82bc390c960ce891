package uk.police.oversight.gateway;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Security headers on every answer: HSTS, no MIME sniffing, no framing, no referrer; and on the API, whose answers
 * carry personal data, no caching anywhere and a content security policy that allows nothing. No server banner.
 */
@ApplicationScoped
public class EdgeHeaders {

    void register(@Observes Filters filters) {
        filters.register(context -> {
            boolean api = context.request().path().startsWith(ProxyRoute.API);
            context.addHeadersEndHandler(v -> secure(context.response().headers(), api));
            context.next();
        }, 800);
    }

    /** Sets the security headers on an answer; {@code api}: one that may carry personal data. */
    static void secure(MultiMap headers, boolean api) {
        headers.remove("Server");
        headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        if (api) {
            headers.set("Cache-Control", "no-store");
            headers.set("Pragma", "no-cache");
            headers.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        }
    }
}
