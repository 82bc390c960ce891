package uk.police.oversight.visits.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.police.oversight.testing.TestTokens;
import uk.police.oversight.visits.VisitApiTest;

/** A table of bad requests to visit-scheduler, each of which must get the right 4xx problem. */
@QuarkusTest
class BadInputTest extends VisitApiTest {

    private static final String EVERY_ROLE = TestTokens.bearer("tester",
            List.of("admin", "integration", "offender-manager", "supervisor"), List.of());
    private static String offenderId;

    @BeforeEach
    void world() {
        if (offenderId == null) {
            offenderId = register(offender(newArea("BIV")));
        }
    }

    static String visit(String replace, String with) {
        String body = "{\"offenderId\": \"{id}\", \"visitDate\": \"2022-06-14\", \"type\": \"HOME_VISIT\", "
                + "\"outcome\": \"COMPLETED\", \"announced\": false}";
        return replace == null ? body : body.replace(replace, with);
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("malformed JSON", "POST", "/visits", "{\"offenderId\": ", 400, null),
                Arguments.of("empty body", "POST", "/visits", "", 400, "body"),
                Arguments.of("unknown type", "POST", "/visits", visit("HOME_VISIT", "TELEPATHY"), 400, "type"),
                Arguments.of("bad date", "POST", "/visits", visit("2022-06-14", "14/06/2022"), 400, "visitDate"),
                Arguments.of("future date", "POST", "/visits", visit("2022-06-14", "2999-06-14"), 422, "visitDate"),
                Arguments.of("missing outcome", "POST", "/visits", visit(", \"outcome\": \"COMPLETED\"", ""), 422, "outcome"),
                Arguments.of("no offender named", "POST", "/visits", visit("\"offenderId\": \"{id}\", ", ""), 422, "offenderId"),
                Arguments.of("offender not a UUID", "POST", "/visits", visit("{id}", "bob"), 400, "offenderId"),
                Arguments.of("bad PNC", "POST", "/visits", visit("\"offenderId\": \"{id}\"", "\"pncId\": \"2008/0056560A\""), 422, "pncId"),
                Arguments.of("unknown field", "POST", "/visits", visit("\"announced\"", "\"weather\": \"rain\", \"announced\""), 400, "weather"),
                Arguments.of("announced not boolean", "POST", "/visits", visit("false", "\"maybe\""), 400, "announced"),
                Arguments.of("batch over 1000", "POST", "/visits/batch", "{\"items\": [" + "{},".repeat(1000) + "{}]}", 422, "items"),
                Arguments.of("batch empty", "POST", "/visits/batch", "{\"items\": []}", 422, "items"),
                Arguments.of("list bad from", "GET", "/visits?from=yesterday", null, 400, null),
                Arguments.of("list size too big", "GET", "/visits?size=1000", null, 400, "size"),
                Arguments.of("list bad sort", "GET", "/visits?sort=notes,asc", null, 400, "sort"),
                Arguments.of("visit id not a UUID", "GET", "/visits/42", null, 400, null),
                Arguments.of("unknown visit", "GET", "/visits/6f1c2a9e-8d4b-4c1e-9f2a-6b7d8e9f0a1b", null, 404, null),
                Arguments.of("overdue bad asOf", "GET", "/overdue-visits?asOf=30-06-2022", null, 400, null),
                Arguments.of("overdue far asOf", "GET", "/overdue-visits?asOf=3022-06-30", null, 400, "asOf"),
                Arguments.of("overdue bad band", "GET", "/overdue-visits?band=lots", null, 400, "band"),
                Arguments.of("overdue negative days", "GET", "/overdue-visits?minDaysOverdue=-1", null, 400, "minDaysOverdue"),
                Arguments.of("overdue unknown risk", "GET", "/overdue-visits?riskLevel=EXTREME", null, 400, null),
                Arguments.of("overdue bad sort", "GET", "/overdue-visits?sort=notes,desc", null, 400, "sort"),
                Arguments.of("overdue bad manager", "GET", "/overdue-visits?managerId=7", null, 400, null),
                Arguments.of("summary bad asOf", "GET", "/overdue-visits/summary?asOf=someday", null, 400, null),
                Arguments.of("schedule not a UUID", "GET", "/schedules/abc", null, 400, null),
                Arguments.of("schedule unknown", "GET", "/schedules/6f1c2a9e-8d4b-4c1e-9f2a-6b7d8e9f0a1b", null, 404, null),
                Arguments.of("policy missing a risk", "PUT", "/visit-policy", "{\"visitIntervalMonths\": {\"HIGH\": 3}, "
                        + "\"riskReviewIntervalMonths\": {\"HIGH\": 12}, \"firstVisitWithinDays\": 28, \"escalateAfterDaysOverdue\": 28}", 422, null),
                Arguments.of("policy out of range", "PUT", "/visit-policy", "{\"visitIntervalMonths\": {\"VERY_HIGH\": 0, \"HIGH\": 3, "
                        + "\"MEDIUM\": 6, \"LOW\": 12}, \"riskReviewIntervalMonths\": {\"VERY_HIGH\": 12, \"HIGH\": 12, \"MEDIUM\": 12, "
                        + "\"LOW\": 12}, \"firstVisitWithinDays\": 28, \"escalateAfterDaysOverdue\": 28}", 422, null),
                Arguments.of("policy unknown risk", "PUT", "/visit-policy", "{\"visitIntervalMonths\": {\"EXTREME\": 1}}", 400, null),
                Arguments.of("wrong media type", "POST", "/visits", "visit please", 415, null),
                Arguments.of("unknown path", "GET", "/nothing", null, 404, null));
    }

    @ParameterizedTest(name = "{0} -> {4}")
    @MethodSource("badRequests")
    void answersWithTheRightProblem(String name, String method, String path, String body, int status, String field) {
        var request = given().header("Authorization", EVERY_ROLE);
        if (body != null) {
            request.contentType(name.equals("wrong media type") ? "text/plain" : "application/json")
                    .body(body.replace("{id}", offenderId));
        }
        var then = request.request(method, BASE + path).then().statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body(not(containsString("Exception")));
        if (field != null) {
            then.body("errors.field", hasItem(field));
        }
    }
}
