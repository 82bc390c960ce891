package uk.police.oversight.offender.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import uk.police.oversight.offender.ApiTest;
import uk.police.oversight.testing.TestTokens;

/**
 * What offender-service sends to the audit store (audit-service) for each consultation, alteration and refused
 * attempt, read from its audit address on the real broker. The store's own promises are audit-service's tests.
 */
@QuarkusTest
class AuditTrailTest extends ApiTest {

    @Test
    void everyReadAndWriteOfAnOffenderIsAuditedWithTheCallerAndJustification() {
        String area = newArea("AUD");
        String id = newOffender(area, newManager(area));
        String manager = TestTokens.manager("dc.audit", area);
        String pnc = as(ADMIN).get(BASE + "/offenders/" + id).path("pncId");

        String readId = as(manager).header("X-Justification", "Pre-visit check").header("X-Request-Id", "req-audit-1")
                .get(BASE + "/offenders/" + id).then().statusCode(200).header("X-Request-Id", "req-audit-1")
                .extract().header("X-Request-Id");
        as(manager).get(BASE + "/offenders/by-pnc/" + pnc).then().statusCode(200);
        as(manager).queryParam("areaCode", area).get(BASE + "/offenders").then().statusCode(200);
        as(manager).contentType("application/merge-patch+json").body("{\"firstName\": \"Jay\"}")
                .patch(BASE + "/offenders/" + id).then().statusCode(200);

        List<JsonNode> entries = auditEntries(e -> names(e, id), 6);
        List<JsonNode> theManagers = entries.stream().filter(e -> e.path("actor").asText().equals("dc.audit")).toList();
        assertEquals(List.of("CONSULT", "CONSULT", "CONSULT", "ALTER"), theManagers.stream().map(e -> e.path("action").asText()).toList());
        JsonNode read = theManagers.get(0);
        assertEquals(readId, read.path("requestId").asText());
        assertEquals("Pre-visit check", read.path("justification").asText());
        assertEquals("[\"offender-manager\"]", read.path("roles").toString());
        assertEquals("offender-service", read.path("service").asText());
        assertEquals("GRANTED", read.path("outcome").asText());
        assertTrue(theManagers.get(2).path("detail").asText().contains("/api/v1/offenders?areaCode=" + area), theManagers.get(2).toString());
        assertTrue(entries.stream().anyMatch(e -> e.path("action").asText().equals("COLLECT") && e.path("actor").asText().equals("admin-user")),
                entries::toString);
    }

    @Test
    void aListConsultationNamesEveryOffenderItReturned() {
        String area = newArea("AUL");
        String manager = newManager(area);
        String one = newOffender(area, manager);
        String two = newOffender(area, manager);

        String requestId = as(TestTokens.supervisor("ds.list", area)).queryParam("areaCode", area).get(BASE + "/offenders")
                .then().statusCode(200).extract().header("X-Request-Id");

        List<JsonNode> entries = auditEntries(e -> e.path("requestId").asText().equals(requestId), 1);
        assertEquals(1, entries.size(), entries::toString);
        assertEquals(Set.of(one, two), StreamSupport.stream(entries.get(0).path("offenderIds").spliterator(), false)
                .map(JsonNode::asText).collect(Collectors.toSet()));
    }

    /** DPA 2018 s.62 asks who tried as well as who saw: a refused attempt is an entry too, with outcome REFUSED. */
    @Test
    void refusedAttemptsAreSentAsRefused() {
        String mine = newArea("ARF");
        String theirs = newArea("ARG");
        String theirOffender = newOffender(theirs, newManager(theirs));
        String pnc = as(ADMIN).get(BASE + "/offenders/" + theirOffender).path("pncId");
        String manager = TestTokens.manager("dc.prober", mine);

        as(manager).get(BASE + "/offenders/" + theirOffender).then().statusCode(404);
        as(manager).get(BASE + "/offenders/by-pnc/" + pnc).then().statusCode(404);
        as(manager).contentType("application/merge-patch+json").body("{\"firstName\": \"X\"}")
                .patch(BASE + "/offenders/" + theirOffender).then().statusCode(404);
        as(TestTokens.scrutiny()).header("X-Request-Id", "req-refused-403").get(BASE + "/offenders").then().statusCode(403);

        List<JsonNode> entries = auditEntries(e -> e.path("actor").asText().equals("dc.prober")
                || e.path("requestId").asText().equals("req-refused-403"), 4);
        List<JsonNode> probes = entries.stream().filter(e -> e.path("actor").asText().equals("dc.prober")).toList();
        assertEquals(List.of("CONSULT", "CONSULT", "ALTER"), probes.stream().map(e -> e.path("action").asText()).toList());
        for (JsonNode probe : probes) {
            assertEquals("REFUSED", probe.path("outcome").asText(), probe::toString);
            assertEquals("[\"" + theirOffender + "\"]", probe.path("offenderIds").toString());
        }
        JsonNode forbidden = entries.stream().filter(e -> e.path("requestId").asText().equals("req-refused-403")).findFirst().orElseThrow();
        assertEquals("REFUSED", forbidden.path("outcome").asText());
        assertEquals("GET /api/v1/offenders", forbidden.path("detail").asText());
        assertEquals("[\"scrutiny\"]", forbidden.path("roles").toString());
    }

    /** X-Justification is UTF-8 text (as every HTTP library sends it), one line, at most 500 characters. */
    @Test
    void aJustificationIsKeptAsWrittenAndChecked() {
        String area = newArea("AJU");
        String id = newOffender(area, newManager(area));
        String written = "Überprüfung vor dem Besuch – Ærø, Łódź";
        String requestId = "req-utf8-" + java.util.UUID.randomUUID();
        // The header's bytes as an HTTP library sends UTF-8 text (RestAssured would re-encode it), on a socket of its own.
        try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            java.io.ByteArrayOutputStream request = new java.io.ByteArrayOutputStream();
            request.writeBytes(("GET " + BASE + "/offenders/" + id + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + ADMIN
                    + "\r\nX-Request-Id: " + requestId + "\r\nConnection: close\r\nX-Justification: ").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            request.writeBytes(written.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            request.writeBytes("\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().write(request.toByteArray());
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<JsonNode> entries = auditEntries(e -> e.path("requestId").asText().equals(requestId), 1);
        assertEquals(written, entries.get(0).path("justification").asText());
        as(ADMIN).header("X-Justification", "x".repeat(501)).get(BASE + "/offenders/" + id).then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("X-Justification"));
        as(ADMIN).header("X-Justification", "Ä".repeat(500)).get(BASE + "/offenders/" + id).then().statusCode(200);
    }
}
