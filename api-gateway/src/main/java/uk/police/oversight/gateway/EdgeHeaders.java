package uk.police.oversight.gateway;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;
import uk.police.oversight.common.web.RequestIds;

/**
 * Security headers on every answer: HSTS, no MIME sniffing, no framing, no referrer; and on the API, whose answers
 * carry personal data, no caching anywhere and a content security policy that allows nothing. No server banner. And
 * a service may send a narrower policy of its own for a document it renders (the report pack's HTML allows its own
 * inline style and data: images, nothing else), which is kept. And the request's correlation id ({@link RequestIds}): kept when the client sent a sane one, else made up; on the
 * request (so the service behind is given the same), in the logging context and on the answer.
 */
@ApplicationScoped
public class EdgeHeaders {

    void register(@Observes Filters filters) {
        filters.register(context -> {
            String id = RequestIds.accept(context.request().getHeader(RequestIds.HEADER));
            context.request().headers().set(RequestIds.HEADER, id);
            MDC.put(RequestIds.MDC_KEY, id);
            context.response().headers().set(RequestIds.HEADER, id);
            context.next();
        }, 1000);
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
            if (!headers.contains("Content-Security-Policy")) {
                headers.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
            }
        }
    }
}
