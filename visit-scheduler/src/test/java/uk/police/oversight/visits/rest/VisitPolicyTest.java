package uk.police.oversight.visits.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.police.oversight.testing.TestTokens;
import uk.police.oversight.visits.VisitApiTest;

/** The visit policy: everyone reads it; admin replaces it, and every schedule follows at once. */
@QuarkusTest
class VisitPolicyTest extends VisitApiTest {

    private static Map<String, Object> policy(int highMonths) {
        return Map.of("visitIntervalMonths", Map.of("VERY_HIGH", 1, "HIGH", highMonths, "MEDIUM", 6, "LOW", 12),
                "riskReviewIntervalMonths", Map.of("VERY_HIGH", 12, "HIGH", 12, "MEDIUM", 12, "LOW", 12),
                "firstVisitWithinDays", 28, "escalateAfterDaysOverdue", 28);
    }

    @Test
    void adminReplacesThePolicyAndSchedulesFollow() {
        String area = newArea("POL");
        String id = register(offender(area));
        visit(id, "2022-01-10", "HOME_VISIT", "COMPLETED");
        String supervisor = TestTokens.supervisor("ds.policy", area);
        as(supervisor).queryParam("asOf", "2022-03-01").get(BASE + "/schedules/" + id).then()
                .body("dueOn", equalTo("2022-04-10"));
        String etag = as(SCRUTINY).get(BASE + "/visit-policy").then().statusCode(200)
                .body("visitIntervalMonths.HIGH", equalTo(3)).extract().header("ETag");

        try {
            String changed = as(ADMIN).header("If-Match", etag).body(policy(2)).put(BASE + "/visit-policy").then().statusCode(200)
                    .body("visitIntervalMonths.HIGH", equalTo(2)).body("updatedBy", equalTo("admin-user"))
                    .extract().header("ETag");
            assertNotEquals(etag, changed);
            as(supervisor).queryParam("asOf", "2022-03-01").get(BASE + "/schedules/" + id).then()
                    .body("dueOn", equalTo("2022-03-10"));
            // A second change based on the first read is refused.
            as(ADMIN).header("If-Match", etag).body(policy(4)).put(BASE + "/visit-policy").then().statusCode(412);
            as(supervisor).body(policy(4)).put(BASE + "/visit-policy").then().statusCode(403);
        } finally {
            as(ADMIN).body(policy(3)).put(BASE + "/visit-policy").then().statusCode(200);
        }
    }
}
