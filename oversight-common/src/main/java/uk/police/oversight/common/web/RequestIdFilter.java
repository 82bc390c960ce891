package uk.police.oversight.common.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

/**
 * Gives every HTTP request a correlation id ({@link RequestIds#accept}). The id is written back onto the request (so
 * code downstream reads one header), into the logging MDC, and onto the response.
 */
@ApplicationScoped
public class RequestIdFilter {

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String id = RequestIds.accept(rc.request().getHeader(RequestIds.HEADER));
            rc.request().headers().set(RequestIds.HEADER, id);
            rc.put(RequestIds.MDC_KEY, id);
            MDC.put(RequestIds.MDC_KEY, id);
            rc.response().headers().set(RequestIds.HEADER, id);
            rc.next();
        }, 1000);
    }

    /** The request id of an HTTP request that passed through the filter. */
    public static String of(HttpServerRequest request) {
        return request == null ? null : request.getHeader(RequestIds.HEADER);
    }
}
