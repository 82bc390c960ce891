package uk.police.oversight.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two real HTTP servers standing in for offender-service and visit-scheduler (each with a small OpenAPI document), and
 * ports where nothing listens standing in for a notification-service, an audit-service and an assurance-service that are down,
 * and a third server standing in for the web app.
 */
public class UpstreamStubs implements QuarkusTestResourceLifecycleManager {

    static final AtomicInteger REQUESTS = new AtomicInteger();
    /** How often each `/drop-once-…` path arrived. */
    private static final java.util.concurrent.ConcurrentHashMap<String, AtomicInteger> DROPPED_ONCE = new java.util.concurrent.ConcurrentHashMap<>();
    private HttpServer offenders;
    private HttpServer visits;
    private HttpServer web;

    @Override
    public Map<String, String> start() {
        offenders = server("""
                {"openapi": "3.1.0", "info": {"title": "offender-service", "version": "1"},
                 "tags": [{"name": "Areas", "description": "Policing areas"}],
                 "paths": {"/api/v1/areas": {"get": {"tags": ["Areas"], "summary": "List areas", "responses": {"200": {
                   "description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}}}}},
                 "components": {"schemas": {"Thing": {"type": "object", "properties": {"code": {"type": "string"}}},
                   "Problem": {"type": "object"}},
                   "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}}}}""");
        visits = server("""
                {"openapi": "3.1.0", "info": {"title": "visit-scheduler", "version": "1"},
                 "tags": [{"name": "Visits", "description": "Visits"}],
                 "paths": {"/api/v1/visits": {"get": {"tags": ["Visits"], "summary": "List visits", "responses": {"200": {
                   "description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}}}}},
                 "components": {"schemas": {"Thing": {"type": "object", "properties": {"visitDate": {"type": "string"}}},
                   "Problem": {"type": "object"}}}}""");
        web = webApp();
        // Every HTTP server of the gateway on a port of its own (not 0): the HTTP metrics tag each server by its port,
        // and the tags of one metric must be the same on every server.
        return Map.of(
                "oversight.gateway.routes.offender-service.url", "http://localhost:" + offenders.getAddress().getPort(),
                "oversight.gateway.routes.visit-scheduler.url", "http://localhost:" + visits.getAddress().getPort(),
                "oversight.gateway.routes.notification-service.url", "http://localhost:" + closedPort(),
                "oversight.gateway.routes.audit-service.url", "http://localhost:" + closedPort(),
                "oversight.gateway.routes.assurance-service.url", "http://localhost:" + closedPort(),
                "oversight.gateway.web-app-url", "http://localhost:" + web.getAddress().getPort(),
                "quarkus.http.test-port", Integer.toString(closedPort()),
                "quarkus.management.test-port", Integer.toString(closedPort()));
    }

    private static HttpServer server(String openapi) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/q/openapi", exchange -> respond(exchange, 200, "application/json", openapi, Map.of()));
            server.createContext("/api/", UpstreamStubs::api);
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The web app: `/page` answers a page with a policy of its own and what it was told of the browser's address; any
     * other path its own "Page not found" page.
     */
    private static HttpServer webApp() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                REQUESTS.incrementAndGet();
                if (exchange.getRequestURI().getPath().equals("/page")) {
                    respond(exchange, 200, "text/html; charset=utf-8", "<!DOCTYPE html><p>host="
                            + exchange.getRequestHeaders().getFirst("X-Forwarded-Host") + " authorization="
                            + (exchange.getRequestHeaders().getFirst("Authorization") != null) + "</p>",
                            Map.of("Content-Security-Policy", "default-src 'none'; style-src 'self'", "Server", "leaky/1.0"));
                } else {
                    respond(exchange, 404, "text/html; charset=utf-8", "<!DOCTYPE html><h1>Page not found</h1>", Map.of());
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many times a `/drop-once-…` path reached the upstream. */
    static int arrivals(String path) {
        AtomicInteger count = DROPPED_ONCE.get(path);
        return count == null ? 0 : count.get();
    }

    /**
     * Echoes what arrived; `/conflict` answers a 409 problem with a custom header; `/slow` never answers in time;
     * `/drop-once-…` closes the connection without an answer the first time and answers after.
     */
    private static void api(HttpExchange exchange) throws IOException {
        REQUESTS.incrementAndGet();
        String path = exchange.getRequestURI().getPath();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        if (path.endsWith("/conflict")) {
            respond(exchange, 409, "application/problem+json",
                    "{\"type\":\"urn:oversight:problem:conflict\",\"title\":\"Conflict\",\"status\":409,\"detail\":\"upstream says no\"}",
                    Map.of("X-Upstream", "kept", "Server", "leaky/1.0"));
            return;
        }
        if (path.contains("/drop-once-") && DROPPED_ONCE.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet() == 1) {
            exchange.close(); // no status line: the connection just closes, as a service's would under a keep-alive race
            return;
        }
        if (path.endsWith("/slow")) {
            try {
                Thread.sleep(4000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String echo = String.format("{\"method\":\"%s\",\"uri\":\"%s\",\"requestId\":\"%s\",\"authorization\":%s,"
                        + "\"forwardedFor\":\"%s\",\"bodyBytes\":%d,\"traceparent\":\"%s\"}",
                exchange.getRequestMethod(), exchange.getRequestURI(), exchange.getRequestHeaders().getFirst("X-Request-Id"),
                exchange.getRequestHeaders().getFirst("Authorization") != null,
                exchange.getRequestHeaders().getFirst("X-Forwarded-For"), body.length,
                exchange.getRequestHeaders().getFirst("traceparent"));
        // Like the real services, the stub answers with the request id it was given.
        String requestId = exchange.getRequestHeaders().getFirst("X-Request-Id");
        respond(exchange, 200, "application/json", echo,
                requestId == null ? Map.of("ETag", "\"7\"") : Map.of("ETag", "\"7\"", "X-Request-Id", requestId));
    }

    private static void respond(HttpExchange exchange, int status, String type, String body, Map<String, String> headers)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        offenders.stop(0);
        visits.stop(0);
        web.stop(0);
    }
}
