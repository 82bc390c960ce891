package uk.police.oversight.common.web;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The correlation id of a request: the header it travels in, its key in the logging context, and which ids a caller
 * may choose (a sane {@code X-Request-Id} is kept; anything else is replaced by a new UUID).
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private RequestIds() {
    }

    /** The caller's id when it is sane, else a new one. */
    public static String accept(String offered) {
        return offered != null && SANE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }
}
