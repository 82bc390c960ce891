package uk.police.oversight.common.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Keeps personal data out of the HTTP spans the instrumentation makes: a request's path can hold a PNC id
 * ({@code /api/v1/offenders/by-pnc/2011%2F0645681U}) and its query a name or a PNC id ({@code ?search=…}), and both
 * would otherwise travel to the trace backend as {@code url.path}, {@code url.query}, {@code url.full} and
 * {@code http.target}. Each is rewritten as the span starts: every path segment holding a digit or an escape becomes
 * {@code {value}} (resource names and {@code v1} stay), the query becomes its parameter names only. Routes
 * ({@code http.route}) are templates already and are left alone. {@code Telemetry} makes it a bean of each process.
 */
public final class SpanRedaction {

    static final AttributeKey<String> URL_PATH = AttributeKey.stringKey("url.path");
    static final AttributeKey<String> URL_QUERY = AttributeKey.stringKey("url.query");
    static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");
    static final AttributeKey<String> HTTP_TARGET = AttributeKey.stringKey("http.target");
    static final AttributeKey<String> HTTP_URL = AttributeKey.stringKey("http.url");
    private static final Pattern VALUE = Pattern.compile(".*[0-9%@].*");
    private static final Pattern VERSION = Pattern.compile("v[0-9]{1,2}");

    private SpanRedaction() {
    }

    public static SpanProcessor processor() {
        return new SpanProcessor() {
            @Override
            public void onStart(Context parent, ReadWriteSpan span) {
                redact(span, URL_PATH, false);
                redact(span, HTTP_TARGET, false);
                redact(span, URL_FULL, true);
                redact(span, HTTP_URL, true);
                String query = span.getAttribute(URL_QUERY);
                if (query != null) {
                    span.setAttribute(URL_QUERY, query(query));
                }
            }

            @Override
            public boolean isStartRequired() {
                return true;
            }

            @Override
            public void onEnd(ReadableSpan span) {
            }

            @Override
            public boolean isEndRequired() {
                return false;
            }
        };
    }

    private static void redact(ReadWriteSpan span, AttributeKey<String> key, boolean absolute) {
        String value = span.getAttribute(key);
        if (value != null) {
            span.setAttribute(key, absolute ? url(value) : target(value));
        }
    }

    /** A path and query as they may be traced: values out of the path, only the names of the parameters. */
    public static String target(String target) {
        int question = target.indexOf('?');
        String path = question < 0 ? target : target.substring(0, question);
        String redacted = path(path);
        return question < 0 ? redacted : redacted + "?" + query(target.substring(question + 1));
    }

    /** An absolute URL (a REST client's call) with its host kept and its path and query redacted. */
    public static String url(String url) {
        int scheme = url.indexOf("://");
        int pathStart = scheme < 0 ? -1 : url.indexOf('/', scheme + 3);
        if (pathStart < 0) {
            return url;
        }
        return url.substring(0, pathStart) + target(url.substring(pathStart));
    }

    static String path(String path) {
        return java.util.Arrays.stream(path.split("/", -1))
                .map(segment -> VALUE.matcher(segment).matches() && !VERSION.matcher(segment).matches() ? "{value}" : segment)
                .collect(java.util.stream.Collectors.joining("/"));
    }

    static String query(String query) {
        List<String> names = java.util.Arrays.stream(query.split("&")).filter(p -> !p.isEmpty())
                .map(p -> p.contains("=") ? p.substring(0, p.indexOf('=')) : p).toList();
        return String.join("&", names.stream().map(n -> n + "=…").toList());
    }
}
