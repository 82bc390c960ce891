package uk.police.oversight.web.security;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import uk.police.oversight.web.WebConfig;

/**
 * Every page: a Content-Security-Policy that allows only what the pages load, from this origin (no inline script, no
 * inline style, no other origin), and no caching of pages that carry personal data. The rest of the security headers
 * (HSTS, no framing, no sniffing, no referrer) are the gateway's, on every answer it gives (EdgeHeaders); it keeps this
 * policy.
 */
@ApplicationScoped
public class PageHeaders {

    @Inject
    WebConfig config;

    void register(@Observes Filters filters) {
        String formAction = "'self'" + config.identityProviderOrigin().map(origin -> " " + origin).orElse("");
        String policy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src 'self'; manifest-src 'self'; form-action " + formAction + "; base-uri 'none'; frame-ancestors 'none'";
        filters.register(context -> {
            boolean asset = context.request().path().startsWith("/assets/") || context.request().path().startsWith("/static/")
                    || context.request().path().startsWith("/webjars/");
            context.addHeadersEndHandler(v -> {
                var headers = context.response().headers();
                if (!headers.contains("Content-Security-Policy")) {
                    // A page may send a narrower policy of its own (the report pack's HTML); every other gets this one.
                    headers.set("Content-Security-Policy", policy);
                }
                headers.set("Cross-Origin-Opener-Policy", "same-origin");
                headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
                if (asset) {
                    headers.set("Cache-Control", "public, max-age=86400");
                } else {
                    headers.set("Cache-Control", "no-store");
                    headers.set("Pragma", "no-cache");
                }
            });
            context.next();
        }, 500);
    }
}
