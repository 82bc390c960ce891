package uk.police.oversight.offender.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.police.oversight.offender.ApiTest;

/** A table of bad requests, each of which must get the right 4xx problem, never a 5xx or a stack trace. */
@QuarkusTest
class BadInputTest extends ApiTest {

    /** Every role but scrutiny, so that only the input decides the answer. */
    private static final String EVERY_ROLE = uk.police.oversight.testing.TestTokens.bearer("tester",
            java.util.List.of("admin", "integration", "offender-manager", "supervisor"), java.util.List.of());
    private static String area;
    private static String manager;
    private static String offenderId;

    @BeforeEach
    void world() {
        if (area == null) {
            area = newArea("BIN");
            manager = newManager(area);
            offenderId = newOffender(area, manager);
        }
    }

    static String valid(String replace, String with) {
        String body = """
                {"pncId": "%s", "firstName": "Ann", "lastName": "Bee", "dateOfBirth": "1980-01-01",
                 "address": {"line1": "1 High St", "town": "Bath", "postcode": "BA1 1AA"},
                 "mappaCategory": 1, "mappaLevel": 1, "riskLevel": "LOW", "areaCode": "%s",
                 "managerId": "%s", "registeredOn": "2020-01-01"}""".formatted("{pnc}", "{area}", "{manager}");
        return replace == null ? body : body.replaceFirst(replace, with);
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                // name, method, path, content type, body, status, field expected in errors (or null)
                Arguments.of("malformed JSON", "POST", "/offenders", "application/json", "{\"pncId\": ", 400, null),
                Arguments.of("not an object", "POST", "/offenders", "application/json", "[1, 2]", 400, null),
                Arguments.of("empty body", "POST", "/offenders", "application/json", "", 400, "body"),
                Arguments.of("wrong type", "POST", "/offenders", "application/json", valid("\"mappaCategory\": 1", "\"mappaCategory\": \"one\""), 400, "mappaCategory"),
                Arguments.of("unknown enum", "POST", "/offenders", "application/json", valid("\"LOW\"", "\"EXTREME\""), 400, "riskLevel"),
                Arguments.of("bad date", "POST", "/offenders", "application/json", valid("\"1980-01-01\"", "\"01/01/1980\""), 400, "dateOfBirth"),
                Arguments.of("unknown field", "POST", "/offenders", "application/json", valid("\"firstName\"", "\"nickname\": \"x\", \"firstName\""), 400, "nickname"),
                Arguments.of("missing field", "POST", "/offenders", "application/json", valid("\"firstName\": \"Ann\", ", ""), 422, "firstName"),
                Arguments.of("wrong check letter", "POST", "/offenders", "application/json", valid("\"pncId\": \"\\{pnc\\}\"", "\"pncId\": \"2008/0056560A\""), 422, "pncId"),
                Arguments.of("future birth", "POST", "/offenders", "application/json", valid("\"1980-01-01\"", "\"2999-01-01\""), 422, "dateOfBirth"),
                Arguments.of("future registration", "POST", "/offenders", "application/json", valid("\"registeredOn\": \"2020-01-01\"", "\"registeredOn\": \"2999-01-01\""), 422, "registeredOn"),
                Arguments.of("unknown manager", "POST", "/offenders", "application/json", valid("\"managerId\": \"\\{manager\\}\"", "\"managerId\": \"6f1c2a9e-8d4b-4c1e-9f2a-6b7d8e9f0a1b\""), 422, "managerId"),
                Arguments.of("manager not a UUID", "POST", "/offenders", "application/json", valid("\"managerId\": \"\\{manager\\}\"", "\"managerId\": \"bob\""), 400, "managerId"),
                Arguments.of("mappa out of range", "POST", "/offenders", "application/json", valid("\"mappaLevel\": 1", "\"mappaLevel\": 9"), 422, "mappaLevel"),
                Arguments.of("bad postcode", "POST", "/offenders", "application/json", valid("\"BA1 1AA\"", "\"NOT A CODE\""), 422, "address.postcode"),
                Arguments.of("overlong name", "POST", "/offenders", "application/json", valid("\"Ann\"", "\"" + "A".repeat(500) + "\""), 422, "firstName"),
                Arguments.of("NUL in a name", "POST", "/offenders", "application/json", valid("\"Ann\"", "\"A\\\\u0000nn\""), 400, "firstName"),
                Arguments.of("unpaired surrogate", "POST", "/offenders", "application/json", valid("\"Bee\"", "\"B\\\\ud800e\""), 400, "lastName"),
                Arguments.of("NUL in an address", "POST", "/offenders", "application/json", valid("\"1 High St\"", "\"1\\\\u0000\""), 400, "address.line1"),
                Arguments.of("date beyond year 9999", "POST", "/offenders", "application/json", valid("\"1980-01-01\"", "\"-999999999-01-01\""), 400, "dateOfBirth"),
                Arguments.of("date with a sign", "POST", "/offenders", "application/json", valid("\"1980-01-01\"", "\"+1980-01-01\""), 400, "dateOfBirth"),
                Arguments.of("30 February", "POST", "/offenders", "application/json", valid("\"1980-01-01\"", "\"1980-02-30\""), 400, "dateOfBirth"),
                Arguments.of("NUL in a query parameter", "GET", "/offenders?areaCode=%00", null, null, 400, "areaCode"),
                Arguments.of("NUL in a search", "GET", "/staff?q=a%00b&areaCode=x", null, null, 400, "q"),
                Arguments.of("NUL in a path", "GET", "/areas/A%00", null, null, 400, "path"),
                Arguments.of("huge number", "POST", "/offenders", "application/json", valid("\"mappaLevel\": 1", "\"mappaLevel\": 99999999999999999999"), 400, "mappaLevel"),
                Arguments.of("wrong media type", "POST", "/offenders", "text/plain", "hello", 415, null),
                Arguments.of("xml", "POST", "/offenders", "application/xml", "<offender/>", 415, null),
                Arguments.of("negative page", "GET", "/offenders?page=-1", null, null, 400, "page"),
                Arguments.of("size too big", "GET", "/offenders?size=501", null, null, 400, "size"),
                Arguments.of("size zero", "GET", "/offenders?size=0", null, null, 400, "size"),
                Arguments.of("page not a number", "GET", "/offenders?page=first", null, null, 400, null),
                Arguments.of("unknown sort field", "GET", "/offenders?sort=password,asc", null, null, 400, "sort"),
                Arguments.of("bad sort direction", "GET", "/offenders?sort=lastName,sideways", null, null, 400, "sort"),
                Arguments.of("unknown risk filter", "GET", "/offenders?riskLevel=EXTREME", null, null, 400, null),
                Arguments.of("manager filter not a UUID", "GET", "/offenders?managerId=42", null, null, 400, null),
                Arguments.of("offender id not a UUID", "GET", "/offenders/42", null, null, 400, null),
                Arguments.of("unknown offender", "GET", "/offenders/6f1c2a9e-8d4b-4c1e-9f2a-6b7d8e9f0a1b", null, null, 404, null),
                Arguments.of("PNC lookup garbage", "GET", "/offenders/by-pnc/DROP TABLE offender", null, null, 400, "pncId"),
                Arguments.of("unknown path", "GET", "/nothing-here", null, null, 404, null),
                Arguments.of("method not allowed", "PUT", "/offenders", "application/json", "{}", 405, null),
                Arguments.of("patch not an object", "PATCH", "/offenders/{id}", "application/merge-patch+json", "[1]", 400, null),
                Arguments.of("patch unknown field", "PATCH", "/offenders/{id}", "application/merge-patch+json", "{\"shoeSize\": 9}", 400, "shoeSize"),
                Arguments.of("patch wrong type", "PATCH", "/offenders/{id}", "application/merge-patch+json", "{\"visitIntervalMonths\": \"two\"}", 400, "visitIntervalMonths"),
                Arguments.of("patch invalid value", "PATCH", "/offenders/{id}", "application/merge-patch+json", "{\"visitIntervalMonths\": 0}", 422, "visitIntervalMonths"),
                Arguments.of("patch removes required", "PATCH", "/offenders/{id}", "application/merge-patch+json", "{\"lastName\": null}", 422, "lastName"),
                Arguments.of("patch pnc", "PATCH", "/offenders/{id}", "application/merge-patch+json", "{\"pncId\": \"2008/0056560Z\"}", 422, "pncId"),
                Arguments.of("risk assessment in future", "POST", "/offenders/{id}/risk-assessments", "application/json", "{\"assessedOn\": \"2999-01-01\", \"riskLevel\": \"LOW\", \"tool\": \"ARMS\"}", 422, "assessedOn"),
                Arguments.of("risk assessment unknown tool", "POST", "/offenders/{id}/risk-assessments", "application/json", "{\"assessedOn\": \"2020-01-01\", \"riskLevel\": \"LOW\", \"tool\": \"CRYSTAL_BALL\"}", 400, "tool"),
                Arguments.of("status change without reason", "POST", "/offenders/{id}/status-changes", "application/json", "{\"status\": \"IN_CUSTODY\", \"effectiveOn\": \"2020-06-01\"}", 422, "reason"),
                Arguments.of("batch not a list", "POST", "/offenders/batch", "application/json", "{\"items\": 5}", 400, "items"),
                Arguments.of("staff bad email", "POST", "/staff", "application/json", "{\"staffNumber\": \"Q1\", \"name\": \"Q\", \"email\": \"not-an-email\", \"role\": \"SUPERVISOR\", \"areaCode\": \"{area}\"}", 422, "email"),
                Arguments.of("staff unknown area", "POST", "/staff", "application/json", "{\"staffNumber\": \"Q2\", \"name\": \"Q\", \"email\": \"q@q.example\", \"role\": \"SUPERVISOR\", \"areaCode\": \"NOWHERE\"}", 422, "areaCode"),
                Arguments.of("area bad code", "POST", "/areas", "application/json", "{\"code\": \"lower case!\", \"name\": \"X\"}", 422, "code"),
                Arguments.of("justification too long", "GET", "/offenders/{id}?justify=long", null, null, 400, "X-Justification"),
                // A value of one JSON type is never read as another: a records system's own codes never become enums.
                Arguments.of("risk as a number", "POST", "/offenders", "application/json", valid("\"LOW\"", "3"), 400, "riskLevel"),
                Arguments.of("risk as a numeric string", "POST", "/offenders", "application/json", valid("\"LOW\"", "\"3\""), 400, "riskLevel"),
                Arguments.of("risk as zero", "POST", "/offenders", "application/json", valid("\"LOW\"", "0"), 400, "riskLevel"),
                Arguments.of("status as a number", "POST", "/offenders", "application/json", valid("\"riskLevel\"", "\"status\": 1, \"riskLevel\""), 400, "status"),
                Arguments.of("a fraction for a whole number", "POST", "/offenders", "application/json", valid("\"mappaCategory\": 1", "\"mappaCategory\": 1.9"), 400, "mappaCategory"),
                Arguments.of("a whole number as a string", "POST", "/offenders", "application/json", valid("\"mappaCategory\": 1", "\"mappaCategory\": \"1\""), 400, "mappaCategory"),
                Arguments.of("a number for text", "POST", "/offenders", "application/json", valid("\"Ann\"", "42"), 400, "firstName"),
                Arguments.of("text after the document", "POST", "/offenders", "application/json", valid(null, null) + " {\"more\": 1}", 400, null),
                Arguments.of("staff active as a string", "POST", "/staff", "application/json", "{\"staffNumber\": \"Q3\", \"name\": \"Q\", \"email\": \"q@q.example\", \"role\": \"SUPERVISOR\", \"areaCode\": \"{area}\", \"active\": \"false\"}", 400, "active"),
                Arguments.of("staff filter neither true nor false", "GET", "/staff?active=maybe", null, null, 400, null),
                // Names are one line of plain text: no control characters, no bidirectional overrides.
                Arguments.of("right-to-left override in a name", "POST", "/offenders", "application/json", valid("\"Ann\"", "\"\\\\u202eAnn\""), 400, "firstName"),
                Arguments.of("escape sequence in a name", "POST", "/offenders", "application/json", valid("\"Bee\"", "\"\\\\u001b[31mBee\""), 400, "lastName"),
                Arguments.of("line break in a name", "POST", "/offenders", "application/json", valid("\"Ann\"", "\"A\\\\nnn\""), 422, "firstName"),
                Arguments.of("birth before 1900", "POST", "/offenders", "application/json", valid("\"1980-01-01\"", "\"1850-01-01\""), 422, "dateOfBirth"),
                Arguments.of("registered before the register began", "POST", "/offenders", "application/json", valid("\"registeredOn\": \"2020-01-01\"", "\"registeredOn\": \"1990-01-01\""), 422, "registeredOn"));
    }

    @ParameterizedTest(name = "{0} -> {5}")
    @MethodSource("badRequests")
    void answersWithTheRightProblem(String name, String method, String path, String contentType, String body, int status, String field) {
        // Paths that carry their own percent-encoding (%00) are sent as written, not encoded again.
        var request = given().urlEncodingEnabled(!path.contains("%00")).header("Authorization", EVERY_ROLE);
        if (path.contains("justify=long")) {
            request.header("X-Justification", "x".repeat(600));
        }
        if (contentType != null) {
            request.contentType(contentType);
        }
        if (body != null) {
            request.body(body.replace("{area}", area).replace("{manager}", manager).replace("{pnc}", newPnc()));
        }
        var response = request.request(method, BASE + path.replace("{id}", offenderId).replace("?justify=long", ""));
        var then = response.then().statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", org.hamcrest.Matchers.startsWith("urn:oversight:problem:"))
                .body(not(containsString("Exception")))
                .body(not(containsString("uk.police")));
        if (field != null) {
            then.body("errors.field", hasItem(field));
        }
    }
}
