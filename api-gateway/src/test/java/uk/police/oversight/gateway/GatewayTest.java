package uk.police.oversight.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.police.oversight.testing.TestKeysResource;
import uk.police.oversight.testing.TestTokens;

/** The gateway's own behaviour, against real HTTP upstreams standing in for the services. */
@QuarkusTest
@QuarkusTestResource(TestKeysResource.class)
@QuarkusTestResource(UpstreamStubs.class)
class GatewayTest {

    private static String token() {
        return TestTokens.bearer("user-" + UUID.randomUUID(), List.of("admin"), List.of());
    }

    @Test
    void routesToTheOwningServiceAndPassesTheAnswerThrough() {
        var answer = given().header("Authorization", token()).header("X-Request-Id", "req-kept-1").get("/api/v1/areas?x=1").then()
                .statusCode(200)
                .header("ETag", "\"7\"")
                .header("X-Request-Id", "req-kept-1")
                .body("uri", equalTo("/api/v1/areas?x=1"))
                .body("requestId", equalTo("req-kept-1"))
                .body("authorization", equalTo(true))
                .body("forwardedFor", notNullValue())
                .extract();
        assertEquals(List.of("req-kept-1"), answer.headers().getValues("X-Request-Id"), "one request id, not the upstream's too");
        given().header("Authorization", token()).get("/api/v1/visits").then().statusCode(200)
                .header("X-Request-Id", notNullValue())
                .body("uri", equalTo("/api/v1/visits"))
                .body("requestId", not(equalTo("null")));
    }

    @Test
    void anUpstreamProblemKeepsItsStatusHeadersAndBodyButNoBanner() {
        given().header("Authorization", token()).get("/api/v1/areas/conflict").then()
                .statusCode(409)
                .contentType("application/problem+json")
                .header("X-Upstream", "kept")
                .header("Server", nullValue())
                .body("detail", equalTo("upstream says no"));
    }

    @Test
    void noValidTokenIsRefusedBeforeAnyUpstreamIsTouched() {
        int before = UpstreamStubs.REQUESTS.get();
        for (String bad : new String[] {null, "Basic dXNlcjpwYXNz", "Bearer not-a-token", TestTokens.expired(),
                TestTokens.wrongKey(), TestTokens.unsigned(), TestTokens.wrongAudience()}) {
            var request = given();
            if (bad != null) {
                request.header("Authorization", bad);
            }
            request.get("/api/v1/areas").then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("Bearer"))
                    .body("status", equalTo(401));
        }
        assertEquals(before, UpstreamStubs.REQUESTS.get(), "no upstream saw any of them");
    }

    @Test
    void unknownPathsAndOddPathsAreAnsweredByTheGateway() {
        given().header("Authorization", token()).get("/api/v1/nowhere").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("/api/v1/nowhere"));
        // A path outside /api/ and /q/ is the web app's: its own page, not the API's problem.
        given().get("/nothing/here").then().statusCode(404).contentType(containsString("text/html")).body(containsString("Page not found"));
        given().get("/q/nothing").then().statusCode(404).contentType("application/problem+json");
        given().urlEncodingEnabled(false).get("/a/..%2F..%2Fq%2Fmetrics").then().statusCode(400);
        given().header("Authorization", token()).urlEncodingEnabled(false).get("/api/v1/areas/..%2F..%2Fq%2Fhealth").then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void pagesGoToTheWebAppWithTheirOwnPolicyAndTheGatewaysHeaders() {
        var answer = given().get("/page").then().statusCode(200).contentType(containsString("text/html"))
                // The page's own Content-Security-Policy is kept; the gateway adds HSTS and the rest, and drops the banner.
                .header("Content-Security-Policy", equalTo("default-src 'none'; style-src 'self'"))
                .header("Strict-Transport-Security", containsString("max-age="))
                .header("X-Frame-Options", equalTo("DENY"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Server", org.hamcrest.Matchers.nullValue())
                .extract().asString();
        // The web app is told the address the browser used (its sign-in redirects name it), and needs no token.
        assertTrue(answer.matches("(?s).*host=(localhost|127\\.0\\.0\\.1):" + io.restassured.RestAssured.port + " .*"), answer);
        assertTrue(answer.contains("authorization=false"), answer);
        // The gateway's own documents stay its own.
        given().get("/q/openapi?format=json").then().statusCode(200).contentType(containsString("json"));
    }

    @Test
    void aServiceThatIsDownIsA503WithRetryAfterNotAHang() {
        long start = System.nanoTime();
        given().header("Authorization", token()).get("/api/v1/notifications").then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("urn:oversight:problem:service-unavailable"));
        assertTrue(System.nanoTime() - start < 10_000_000_000L);
        given().header("Authorization", token()).get("/api/v1/areas/slow").then().statusCode(503)
                .header("Retry-After", notNullValue());
    }

    @Test
    void aReadWhoseConnectionClosesUnansweredIsSentOnceMoreButAWriteIsNot() {
        String read = "/api/v1/areas/drop-once-" + UUID.randomUUID();
        given().header("Authorization", token()).get(read).then().statusCode(200).body("method", equalTo("GET"));
        assertEquals(2, UpstreamStubs.arrivals(read), "the read was sent again, on a new connection");

        String write = "/api/v1/areas/drop-once-" + UUID.randomUUID();
        given().header("Authorization", token()).contentType("application/json").body("{}").post(write).then().statusCode(503)
                .contentType("application/problem+json").header("Retry-After", notNullValue());
        assertEquals(1, UpstreamStubs.arrivals(write), "a write is never sent twice: the client decides");
    }

    @Test
    void bodiesOverTheLimitOrOfUnknownLengthAreRefused() {
        given().header("Authorization", token()).contentType("application/json").body("x".repeat(3_000_000))
                .post("/api/v1/areas").then().statusCode(413).contentType("application/problem+json");
        given().header("Authorization", token()).contentType("application/json").body("{\"code\": \"BRS\"}")
                .post("/api/v1/areas").then().statusCode(200).body("bodyBytes", equalTo(15));
    }

    @Test
    void overlongRequestTargetsAndHeadersAreProblemsNotBareProtocolErrors() {
        given().header("Authorization", token()).queryParam("q", "x".repeat(9_000)).get("/api/v1/offenders")
                .then().statusCode(414).contentType("application/problem+json").body("status", equalTo(414));
        given().header("Authorization", token()).header("X-Padding", "p".repeat(20_000)).get("/api/v1/offenders")
                .then().statusCode(431).contentType("application/problem+json").body("status", equalTo(431));
        given().header("Authorization", token()).queryParam("q", "x".repeat(3_000)).get("/api/v1/offenders")
                .then().statusCode(200);
    }

    @Test
    void eachClientIsRateLimitedWithRetryAfter() {
        String client = token();
        Response last = null;
        for (int i = 0; i < 30; i++) {
            last = given().header("Authorization", client).get("/api/v1/areas");
            if (last.statusCode() == 429) {
                break;
            }
        }
        last.then().statusCode(429).contentType("application/problem+json").header("Retry-After", notNullValue());
        given().header("Authorization", token()).get("/api/v1/areas").then().statusCode(200);
    }

    @Test
    void answersCarrySecurityHeadersAndApiAnswersAreNotCached() {
        given().header("Authorization", token()).get("/api/v1/areas").then()
                .header("Strict-Transport-Security", containsString("max-age="))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store")
                .header("X-Frame-Options", "DENY");
        given().get(uk.police.oversight.testing.ManagementInterface.url("/q/health/ready")).then().statusCode(200);
    }

    /**
     * The metrics name requests by route template, never by raw path (which holds offender ids and PNC ids, and which
     * anyone can invent), and live with health on the management interface, never on the public port.
     */
    @Test
    void metricsNameNoOneAndAreNotOnThePublicPort() {
        String offenderId = UUID.randomUUID().toString();
        given().header("Authorization", token()).get("/api/v1/offenders/" + offenderId);
        given().header("Authorization", token()).urlEncodingEnabled(false).get("/api/v1/offenders/by-pnc/2011%2F0645681U");
        given().header("Authorization", token()).get("/api/v1/areas/" + offenderId);
        given().get("/api/v1/junk-" + offenderId).then().statusCode(404);
        given().get("/definitely-junk-" + offenderId).then().statusCode(404);

        String text = given().get(uk.police.oversight.testing.ManagementInterface.url("/q/metrics")).then().statusCode(200).extract().asString();
        assertTrue(text.contains("http_server_requests_seconds"), "the request metrics are there");
        assertTrue(text.contains("http_server_requests_seconds_bucket{"), "with latency buckets, for a p95 across replicas");
        for (String secret : List.of(offenderId, "0645681U", "junk-")) {
            assertTrue(!text.contains(secret), "no metric label names " + secret);
        }
        assertTrue(text.contains("uri=\"/api/v1/offenders/**\""), "labelled by the route: " + text.lines()
                .filter(line -> line.contains("uri=")).toList());
        given().get("/q/metrics").then().statusCode(404).contentType("application/problem+json");
        given().get("/q/health/ready").then().statusCode(404);
    }

    /** Keeps the spans the gateway ends (Quarkus' exporter takes every SpanExporter bean). */
    @jakarta.inject.Singleton
    static class Spans {
        @jakarta.enterprise.inject.Produces
        @jakarta.inject.Singleton
        uk.police.oversight.testing.RecentSpans recent() {
            return new uk.police.oversight.testing.RecentSpans();
        }
    }

    @jakarta.inject.Inject
    uk.police.oversight.testing.RecentSpans spans;

    /** A PNC id or a name in a path or query never reaches a span (SpanRedaction). */
    @Test
    void noSpanHoldsThePncIdOrNameARequestNamed() {
        String traceId = "5bf92f3577b34da6a3ce929d0e0e4737";
        given().header("Authorization", token()).header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .urlEncodingEnabled(false).get("/api/v1/offenders/by-pnc/2011%2F0645681U?search=Jane%20Doe").then().statusCode(200);
        spans.await(traceId, span -> span.getKind() == io.opentelemetry.api.trace.SpanKind.SERVER);
        spans.assertNoAttributeHolds(traceId, List.of("0645681U", "0645681", "Jane", "Doe"));
    }

    /** The gateway's span sits between the caller's and the service's: one trace, its id in problem answers too. */
    @Test
    void theTraceRunsThroughTheGatewayToTheService() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String traceparent = given().header("Authorization", token()).header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .get("/api/v1/areas").then().statusCode(200).extract().path("traceparent");
        assertTrue(traceparent.startsWith("00-" + traceId + "-"), traceparent);
        assertTrue(!traceparent.contains("00f067aa0ba902b7"), "the service's parent is the gateway's span: " + traceparent);
        String untraced = given().header("Authorization", token()).get("/api/v1/areas").then().statusCode(200)
                .extract().path("traceparent");
        assertTrue(untraced.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01"), "the gateway starts a trace: " + untraced);
        given().header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").get("/api/v1/junk").then().statusCode(404)
                .body("traceId", equalTo(traceId)).body("requestId", notNullValue());
    }

    @Test
    void theOpenApiDocumentMergesTheServicesDocuments() {
        given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .body("openapi", equalTo("3.0.3"))
                .body("info.title", equalTo("Offender Management Oversight API"))
                .body("paths", hasKey("/api/v1/areas"))
                .body("paths", hasKey("/api/v1/visits"))
                .body("components.schemas.Thing.properties", hasKey("code"))
                .body("components.schemas.VisitSchedulerThing.properties", hasKey("visitDate"))
                .body("paths.'/api/v1/visits'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/VisitSchedulerThing"))
                .body("components.securitySchemes", hasKey("bearer"))
                .body("x-oversight-missing", equalTo(List.of("assurance-service", "audit-service", "notification-service")));
        given().get("/q/openapi").then().statusCode(200).contentType(containsString("yaml"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
