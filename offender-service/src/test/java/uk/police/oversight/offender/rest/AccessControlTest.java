package uk.police.oversight.offender.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.police.oversight.offender.ApiTest;
import uk.police.oversight.testing.TestTokens;

@QuarkusTest
class AccessControlTest extends ApiTest {

    @Test
    void aBristolManagerCannotSeeOrChangeASomersetOffender() {
        String bristol = newArea("BRS");
        String somerset = newArea("SOM");
        String somersetOffender = newOffender(somerset, newManager(somerset));
        String pnc = as(ADMIN).get(BASE + "/offenders/" + somersetOffender).path("pncId");
        String bristolManager = TestTokens.manager("dc.bristol", bristol);

        as(bristolManager).get(BASE + "/offenders/" + somersetOffender).then().statusCode(404)
                .contentType("application/problem+json");
        as(bristolManager).get(BASE + "/offenders/by-pnc/" + pnc).then().statusCode(404);
        as(bristolManager).contentType("application/merge-patch+json").body("{\"firstName\": \"X\"}")
                .patch(BASE + "/offenders/" + somersetOffender).then().statusCode(404);
        as(bristolManager).body(Map.of("assessedOn", "2022-01-01", "riskLevel", "LOW", "tool", "ARMS"))
                .post(BASE + "/offenders/" + somersetOffender + "/risk-assessments").then().statusCode(404);
        as(bristolManager).get(BASE + "/offenders/" + somersetOffender + "/status-changes").then().statusCode(404);
        as(TestTokens.supervisor("ds.bristol", bristol)).get(BASE + "/offenders/" + somersetOffender + "/history").then()
                .statusCode(404);
        as(bristolManager).queryParam("areaCode", somerset).get(BASE + "/offenders").then().statusCode(200)
                .body("totalItems", equalTo(0));
        as(bristolManager).queryParam("q", pnc).get(BASE + "/offenders").then().body("totalItems", equalTo(0));
        // Nor register one there.
        as(bristolManager).body(offender(newPnc(), somerset, newManager(somerset))).post(BASE + "/offenders").then()
                .statusCode(422).body("errors[0].field", equalTo("areaCode"));

        // The Somerset supervisor, and the force-wide roles, do see it.
        as(TestTokens.supervisor("ds.somerset", somerset)).get(BASE + "/offenders/" + somersetOffender).then().statusCode(200);
        as(INTEGRATION).get(BASE + "/offenders/" + somersetOffender).then().statusCode(200);
    }

    @Test
    void aManagerWithTwoAreasSeesBoth() {
        String one = newArea("ONE");
        String two = newArea("TWO");
        String first = newOffender(one, newManager(one));
        String second = newOffender(two, newManager(two));
        String manager = TestTokens.manager("dc.two-areas", one, two);

        as(manager).get(BASE + "/offenders/" + first).then().statusCode(200);
        as(manager).get(BASE + "/offenders/" + second).then().statusCode(200);
        as(manager).queryParam("size", 500).get(BASE + "/offenders").then()
                .body("items.areaCode", everyItem(org.hamcrest.Matchers.oneOf(one, two)))
                .body("items.id", hasItem(first)).body("items.id", hasItem(second));
    }

    @Test
    void scrutinyIsRefusedEverythingThatNamesAPerson() {
        String area = newArea("SCR");
        String manager = newManager(area);
        String id = newOffender(area, manager);
        for (String path : new String[] {"/offenders", "/offenders/" + id, "/offenders/" + id + "/history",
                "/offenders/" + id + "/risk-assessments", "/offenders/" + id + "/status-changes", "/staff",
                "/staff/" + manager, "/staff/" + manager + "/caseload"}) {
            as(SCRUTINY).get(BASE + path).then().statusCode(403).contentType("application/problem+json");
        }
        as(SCRUTINY).get(BASE + "/areas").then().statusCode(200);
    }

    @Test
    void onlyAdminManagesStaffAndAreas() {
        String area = newArea("ADM");
        for (String bearer : new String[] {TestTokens.manager("m", area), TestTokens.supervisor("s", area), INTEGRATION}) {
            as(bearer).body(Map.of("code", "NEW", "name", "New")).post(BASE + "/areas").then().statusCode(403);
            as(bearer).body(Map.of("staffNumber", "X1", "name", "X", "email", "x@x.example", "role", "SUPERVISOR", "areaCode", area))
                    .post(BASE + "/staff").then().statusCode(403);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "garbage", "expired", "wrongKey", "wrongAudience", "wrongIssuer", "unsigned"})
    void badTokensAreRefusedWith401(String kind) {
        String header = switch (kind) {
            case "garbage" -> "Bearer not.a.token";
            case "expired" -> TestTokens.expired();
            case "wrongKey" -> TestTokens.wrongKey();
            case "wrongAudience" -> TestTokens.wrongAudience();
            case "wrongIssuer" -> TestTokens.wrongIssuer();
            case "unsigned" -> TestTokens.unsigned();
            default -> null;
        };
        var request = given().contentType(ContentType.JSON);
        if (header != null) {
            request.header("Authorization", header);
        }
        request.get(BASE + "/areas").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"))
                .body("status", equalTo(401))
                .body("detail", not(org.hamcrest.Matchers.containsString("Exception")));
    }
}
