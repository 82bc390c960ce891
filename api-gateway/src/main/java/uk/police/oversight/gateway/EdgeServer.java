package uk.police.oversight.gateway;

import io.netty.handler.codec.TooLongFrameException;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import uk.police.oversight.common.problem.Problem;
import uk.police.oversight.common.problem.ProblemType;
import uk.police.oversight.common.web.RequestIds;

/**
 * The gateway's public port. Quarkus's HTTP server answers a request its HTTP codec rejects (a control character or
 * a bare CR in a header, a header name with a space) with an empty 400, and one with a malformed percent-encoding in
 * its path or query with another, before any handler of ours runs; and it offers no hook for either. So the public
 * port is served by a Vert.x HTTP server of the gateway's own, one instance per event loop, which answers those
 * requests itself with a problem, a request id and the security headers, and hands every other request to Quarkus's
 * root handler: the same routes, filters, forwarded-header handling and metrics as Quarkus's own port, which listens
 * on loopback only.
 */
@ApplicationScoped
public class EdgeServer {

    private static final Logger LOG = Logger.getLogger(EdgeServer.class);

    @Inject
    Vertx vertx;

    @Inject
    GatewayConfig config;

    @Inject
    EdgeResponses edge;

    private volatile String deployment;
    private volatile int actualPort;

    void start(@Observes @Priority(Integer.MAX_VALUE) StartupEvent event) throws Exception {
        int instances = Math.max(1, Runtime.getRuntime().availableProcessors());
        // Every instance binds the same port: when none is configured (tests), one is chosen first.
        actualPort = config.port() > 0 ? config.port() : freePort();
        deployment = vertx.deployVerticle(() -> new Edge(), new DeploymentOptions().setInstances(instances))
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        LOG.infof("Public port: http://%s:%d (%d event loops)", config.host(), actualPort, instances);
    }

    void stop(@Observes ShutdownEvent event) {
        if (deployment != null) {
            try {
                vertx.undeploy(deployment).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.debugf("Public port closed with %s", e.toString());
            }
        }
    }

    /** The port the public server listens on (the configured one, or the one picked when 0 was configured). */
    public int port() {
        return actualPort;
    }

    /** One server instance; Vert.x shares the port between the instances and spreads connections over them. */
    private final class Edge extends AbstractVerticle {

        @Override
        public void start(Promise<Void> started) {
            HttpServerOptions options = new HttpServerOptions()
                    .setHost(config.host())
                    .setPort(actualPort)
                    // Long enough that over-long targets and headers reach the gateway's own 414/431 problems.
                    .setMaxInitialLineLength(131_072)
                    .setMaxHeaderSize(65_536)
                    .setIdleTimeout((int) config.clientIdleTimeout().toSeconds())
                    .setTcpNoDelay(true)
                    .setCompressionSupported(false);
            HttpServer server = vertx.createHttpServer(options)
                    .invalidRequestHandler(EdgeServer.this::unreadable)
                    .requestHandler(EdgeServer.this::handle);
            server.listen().<Void>mapEmpty().onComplete(started);
        }
    }

    void handle(HttpServerRequest request) {
        String encodingProblem = percentEncodingProblem(request.uri());
        if (encodingProblem != null) {
            refuse(request, ProblemType.BAD_REQUEST, encodingProblem);
            return;
        }
        VertxHttpRecorder.getRootHandler().handle(request);
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A request the HTTP codec could not read: a problem like every other refusal, never the input echoed back. */
    void unreadable(HttpServerRequest request) {
        Throwable cause = request.decoderResult() == null ? null : request.decoderResult().cause();
        if (cause instanceof TooLongFrameException tooLong) {
            boolean header = tooLong.getMessage() != null && tooLong.getMessage().toLowerCase(java.util.Locale.ROOT).contains("header");
            refuse(request, header ? ProblemType.HEADERS_TOO_LARGE : ProblemType.URI_TOO_LONG,
                    header ? "The request headers are too large" : "The request line is too long");
            return;
        }
        refuse(request, ProblemType.BAD_REQUEST, "The request is not valid HTTP: a header name or value holds a character "
                + "HTTP does not allow (a control character such as NUL, ESC, or a CR or LF inside a value)");
    }

    private void refuse(HttpServerRequest request, ProblemType type, String detail) {
        HttpServerResponse response = request.response();
        if (response.ended()) {
            return;
        }
        String requestId = UUID.randomUUID().toString();
        String instance = request.path() == null || percentEncodingProblem(request.path()) != null
                || !request.path().matches("[A-Za-z0-9/._~%:@!$&'()*+,;=-]{0,200}") ? null : request.path();
        Problem problem = new Problem(type.uri(), type.title(), type.status(), detail, instance, requestId,
                uk.police.oversight.common.tracing.TraceContext.traceId(), null);
        response.setStatusCode(type.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader(RequestIds.HEADER, requestId)
                .putHeader("Connection", "close");
        EdgeHeaders.secure(response.headers(), true);
        response.end(edge.json(problem)).onComplete(done -> response.close());
    }

    /** Why a request target's percent-encoding is malformed (`%ZZ`, a lone `%`), or null when it is sound. */
    static String percentEncodingProblem(String target) {
        if (target == null) {
            return null;
        }
        for (int i = target.indexOf('%'); i >= 0; i = target.indexOf('%', i + 1)) {
            if (i + 2 >= target.length() || Character.digit(target.charAt(i + 1), 16) < 0 || Character.digit(target.charAt(i + 2), 16) < 0) {
                return "The path or query holds a malformed percent-encoding (% must be followed by two hexadecimal digits)";
            }
        }
        return null;
    }
}
