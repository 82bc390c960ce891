package uk.police.oversight.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Stands in for offender-service in another service's module tests: it knows no offender (404 problem), except a
 * reserved id that always fails (500), to exercise the caller's fault handling. The real offender-service is
 * exercised end to end in system-tests.
 */
public class OffenderServiceStubResource implements QuarkusTestResourceLifecycleManager {

    /** An offender id the stub always fails on. */
    public static final String FAILING_ID = "00000000-0000-0000-0000-000000000500";

    private Vertx vertx;
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        try {
            server = vertx.createHttpServer().requestHandler(request -> {
                boolean failing = request.path().contains(FAILING_ID);
                request.response().setStatusCode(failing ? 500 : 404)
                        .putHeader("Content-Type", "application/problem+json")
                        .end("{\"type\":\"urn:oversight:problem:" + (failing ? "internal" : "not-found") + "\",\"status\":"
                                + (failing ? 500 : 404) + "}");
            }).listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the offender-service stub", e);
        }
        return Map.of("quarkus.rest-client.offender-service.url", "http://localhost:" + server.actualPort());
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
