package uk.police.oversight.common.security;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;

/**
 * Reads the Authorization header as RFC 6750 and RFC 9110 write it: the scheme in any case and one or more spaces
 * before the token (`bearer  eyJ…`), as the gateway does, so that a request the gateway let through is not refused by
 * the service behind it. The header is rewritten to the one form the token verifier reads, before any check runs.
 */
@ApplicationScoped
public class BearerHeader {

    private static final Pattern LOOSE = Pattern.compile("(?i)bearer +(?=\\S)");

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String authorization = rc.request().getHeader("Authorization");
            if (authorization != null) {
                String normal = normalise(authorization);
                if (!normal.equals(authorization)) {
                    rc.request().headers().set("Authorization", normal);
                }
            }
            rc.next();
        }, 990);
    }

    /** `Bearer <token>` for any spelling of the scheme and any run of spaces; anything else unchanged. */
    static String normalise(String authorization) {
        var matcher = LOOSE.matcher(authorization);
        return matcher.lookingAt() ? "Bearer " + authorization.substring(matcher.end()) : authorization;
    }
}
