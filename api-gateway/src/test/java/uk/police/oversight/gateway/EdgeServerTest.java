package uk.police.oversight.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import uk.police.oversight.testing.TestKeysResource;
import uk.police.oversight.testing.TestTokens;

/**
 * The public port answers every request with a problem, even one the HTTP codec cannot read: control characters
 * and bare CRs in header values, spaces in header names, malformed percent-encodings in the path or query.
 */
@QuarkusTest
@QuarkusTestResource(TestKeysResource.class)
@QuarkusTestResource(UpstreamStubs.class)
class EdgeServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EdgeServer edge;

    record Answer(int status, Map<String, String> headers, String body) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-Justification: a\u0000b", "X-Justification: a\u001bb", "X-Justification: a\rb",
            "X-Justification: a\u0007b", "Bad Name: x", "X-Request-Id: \u007f"})
    void aHeaderHttpForbidsIsAProblem(String header) throws Exception {
        Answer answer = send("GET /api/v1/areas HTTP/1.1\r\nHost: localhost\r\n" + header + "\r\n\r\n");
        assertProblem(answer, 400);
        assertTrue(!answer.body().contains("a\u001bb") && !answer.body().contains("Bad Name"), "the input is never echoed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/areas/%ZZ", "/api/v1/areas?q=%ZZ", "/api/v1/areas?q=%", "/api/v1/offenders/%G0", "/%"})
    void aMalformedPercentEncodingIsAProblem(String target) throws Exception {
        assertProblem(send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n"), 400);
    }

    @Test
    void aSoundRequestGoesThroughAsBefore() throws Exception {
        Answer answer = send("GET /api/v1/areas?x=%20y HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                + TestTokens.bearer("edge-" + UUID.randomUUID(), List.of("admin"), List.of()) + "\r\nConnection: close\r\n\r\n");
        assertEquals(200, answer.status(), answer.toString());
        assertEquals("nosniff", answer.headers().get("x-content-type-options"));
        Answer unauthenticated = send("GET /api/v1/areas HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertProblem(unauthenticated, 401);
    }

    private static void assertProblem(Answer answer, int status) throws Exception {
        assertEquals(status, answer.status(), answer.toString());
        assertEquals("application/problem+json", answer.headers().get("content-type"), answer.toString());
        assertTrue(answer.headers().containsKey("x-request-id"), answer.toString());
        assertEquals("nosniff", answer.headers().get("x-content-type-options"), answer.toString());
        assertEquals("no-store", answer.headers().get("cache-control"), answer.toString());
        JsonNode problem = JSON.readTree(answer.body());
        assertEquals(status, problem.path("status").asInt());
        assertEquals(answer.headers().get("x-request-id"), problem.path("requestId").asText());
    }

    private Answer send(String request) throws Exception {
        try (Socket socket = new Socket("localhost", edge.port())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    bytes.write(buffer, 0, n);
                    if (complete(bytes.toString(StandardCharsets.ISO_8859_1))) {
                        break;
                    }
                }
            } catch (java.net.SocketTimeoutException e) {
                // whatever arrived
            }
            String text = bytes.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String[] lines = text.substring(0, end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
            return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, text.substring(end + 4));
        }
    }

    private static boolean complete(String text) {
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        var matcher = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(text.substring(0, end));
        return matcher.find() && text.length() - end - 4 >= Integer.parseInt(matcher.group(1));
    }
}
