package uk.police.oversight.common.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Gives every HTTP request a correlation id: the caller's `X-Request-Id` when it is sane, else a new UUID. The id is
 * written back onto the request (so code downstream reads one header), into the logging MDC, and onto the response.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String id = accept(rc.request().getHeader(HEADER));
            rc.request().headers().set(HEADER, id);
            rc.put(MDC_KEY, id);
            MDC.put(MDC_KEY, id);
            rc.response().headers().set(HEADER, id);
            rc.next();
        }, 1000);
    }

    /** The request id of an HTTP request that passed through the filter. */
    public static String of(HttpServerRequest request) {
        return request == null ? null : request.getHeader(HEADER);
    }

    static String accept(String offered) {
        return offered != null && SANE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }
}
