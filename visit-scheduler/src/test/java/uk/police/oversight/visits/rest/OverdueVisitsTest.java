package uk.police.oversight.visits.rest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.police.oversight.testing.TestTokens;
import uk.police.oversight.visits.VisitApiTest;

/**
 * The overdue list, its CSV export, the summary and schedules on one small area, as of 2022-06-30: Alpha is 121 days
 * overdue with two no-access visits since, Bravo 31 days, Charlie is not due yet, Delta is managed reactively and
 * Echo is in custody.
 */
@QuarkusTest
class OverdueVisitsTest extends VisitApiTest {

    private static final String AS_OF = "2022-06-30";
    private static String area;
    private static String alpha;
    private static String bravo;
    private static String charlie;
    private static String manager;

    @BeforeEach
    void world() {
        if (area != null) {
            return;
        }
        area = newArea("OVD");
        Map<String, Object> a = offender(area);
        a.put("displayName", "Alpha Able");
        alpha = register(a);
        manager = (String) a.get("managerId");
        visit(alpha, "2021-12-01", "HOME_VISIT", "COMPLETED");
        visit(alpha, "2022-04-01", "HOME_VISIT", "NO_ACCESS");
        visit(alpha, "2022-05-01", "HOME_VISIT", "NO_ACCESS");
        Map<String, Object> b = offender(area);
        b.put("displayName", "Bravo Baker");
        b.put("riskLevel", "VERY_HIGH");
        b.put("managerId", manager);
        bravo = register(b);
        visit(bravo, "2022-04-30", "HOME_VISIT", "COMPLETED");
        Map<String, Object> c = offender(area);
        c.put("displayName", "Charlie Cole");
        charlie = register(c);
        visit(charlie, "2022-05-15", "HOME_VISIT", "COMPLETED");
        Map<String, Object> d = offender(area);
        d.put("riskLevel", "LOW");
        d.put("managementMode", "REACTIVE");
        register(d);
        Map<String, Object> e = offender(area);
        e.put("status", "IN_CUSTODY");
        e.put("statusSince", "2021-01-01");
        register(e);
    }

    @Test
    void listsOnlyTheOverdueMostOverdueFirstWithTheirNoAccessCount() {
        as(ADMIN).queryParam("areaCode", area).queryParam("asOf", AS_OF).get(BASE + "/overdue-visits").then().statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items.displayName", contains("Alpha Able", "Bravo Baker"))
                .body("items[0].dueOn", equalTo("2022-03-01"))
                .body("items[0].lastVisitOn", equalTo("2021-12-01"))
                .body("items[0].daysOverdue", equalTo(121))
                .body("items[0].consecutiveNoAccess", equalTo(2))
                .body("items[0].warrantEligible", equalTo(true))
                .body("items[1].dueOn", equalTo("2022-05-30"))
                .body("items[1].daysOverdue", equalTo(31));
    }

    @Test
    void filtersAndSortsTheList() {
        as(ADMIN).queryParam("areaCode", area).queryParam("asOf", AS_OF).queryParam("riskLevel", "VERY_HIGH")
                .get(BASE + "/overdue-visits").then().body("items.displayName", contains("Bravo Baker"));
        as(ADMIN).queryParam("areaCode", area).queryParam("asOf", AS_OF).queryParam("band", "91-180")
                .get(BASE + "/overdue-visits").then().body("items.displayName", contains("Alpha Able"));
        as(ADMIN).queryParam("areaCode", area).queryParam("asOf", AS_OF).queryParam("minDaysOverdue", 100)
                .get(BASE + "/overdue-visits").then().body("items.displayName", contains("Alpha Able"));
        as(ADMIN).queryParam("areaCode", area).queryParam("asOf", AS_OF).queryParam("sort", "displayName,desc")
                .get(BASE + "/overdue-visits").then().body("items.displayName", contains("Bravo Baker", "Alpha Able"));
        as(ADMIN).queryParam("areaCode", area).queryParam("asOf", AS_OF).queryParam("size", 1).queryParam("page", 1)
                .get(BASE + "/overdue-visits").then().body("items.displayName", contains("Bravo Baker"))
                .body("totalPages", equalTo(2));
        as(ADMIN).queryParam("areaCode", area).queryParam("asOf", AS_OF).queryParam("managerId", manager)
                .get(BASE + "/overdue-visits").then().body("totalItems", equalTo(2));
        // A month earlier only Alpha was overdue; visits after that date do not count.
        as(ADMIN).queryParam("areaCode", area).queryParam("asOf", "2022-05-29").get(BASE + "/overdue-visits").then()
                .body("items.displayName", contains("Alpha Able")).body("items[0].consecutiveNoAccess", equalTo(2));
    }

    @Test
    void exportsTheWholeFilteredListAsCsv() {
        String csv = as(ADMIN).accept("text/csv").queryParam("areaCode", area).queryParam("asOf", AS_OF)
                .get(BASE + "/overdue-visits").then().statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("overdue-visits-2022-06-30.csv"))
                .extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals("offenderId,pncId,displayName,riskLevel,areaCode,managerId,lastVisitOn,dueOn,daysOverdue,"
                + "consecutiveNoAccess,warrantEligible", lines.get(0));
        assertEquals(3, lines.size());
        assertTrue(lines.get(1).startsWith(alpha + ","));
        assertTrue(lines.get(1).endsWith(",2021-12-01,2022-03-01,121,2,true"), lines.get(1));
    }

    @Test
    void theSummaryCountsTheAreaAndHidesManagersFromScrutiny() {
        as(ADMIN).queryParam("areaCode", area).queryParam("asOf", AS_OF).get(BASE + "/overdue-visits/summary").then()
                .statusCode(200)
                .body("inScope", equalTo(3))
                .body("overdue", equalTo(2))
                .body("complianceRate", equalTo(0.3333f))
                .body("oldestDaysOverdue", equalTo(121))
                .body("byArea[0].areaCode", equalTo(area))
                .body("byRiskLevel.find { it.riskLevel == 'VERY_HIGH' }.overdue", equalTo(1))
                .body("byBand.find { it.band == '91-180' }.overdue", equalTo(1))
                .body("byBand.find { it.band == '31-90' }.overdue", equalTo(1))
                .body("byManager.find { it.managerId == '" + manager + "' }.overdue", equalTo(2))
                .body("byManager.find { it.managerId == '" + manager + "' }.caseload", equalTo(2));
        as(SCRUTINY).queryParam("areaCode", area).queryParam("asOf", AS_OF).get(BASE + "/overdue-visits/summary").then()
                .statusCode(200).body("overdue", equalTo(2)).body("byManager", nullValue());
    }

    @Test
    void managersSeeOnlyTheirAreasAndScrutinyNoPeople() {
        String elsewhere = TestTokens.manager("dc.elsewhere", newArea("ELS"));
        as(elsewhere).queryParam("areaCode", area).queryParam("asOf", AS_OF).get(BASE + "/overdue-visits").then()
                .statusCode(200).body("totalItems", equalTo(0));
        as(elsewhere).queryParam("asOf", AS_OF).get(BASE + "/overdue-visits").then()
                .body("items.offenderId", not(hasItem(alpha)));
        as(elsewhere).get(BASE + "/schedules/" + alpha).then().statusCode(404);
        as(elsewhere).queryParam("areaCode", area).queryParam("asOf", AS_OF).get(BASE + "/overdue-visits/summary").then()
                .body("inScope", equalTo(0));
        as(TestTokens.supervisor("ds.here", area)).queryParam("asOf", AS_OF).get(BASE + "/overdue-visits").then()
                .body("totalItems", equalTo(2));
        as(SCRUTINY).get(BASE + "/overdue-visits").then().statusCode(403);
        as(SCRUTINY).accept("text/csv").get(BASE + "/overdue-visits").then().statusCode(403);
        as(SCRUTINY).get(BASE + "/schedules/" + alpha).then().statusCode(403);
        as(SCRUTINY).get(BASE + "/overdue-risk-reviews").then().statusCode(403);
    }

    @Test
    void theScheduleOfOneOffender() {
        as(TestTokens.supervisor("ds.schedule", area)).queryParam("asOf", AS_OF).get(BASE + "/schedules/" + alpha).then()
                .statusCode(200)
                .body("inScope", equalTo(true))
                .body("intervalMonths", equalTo(3))
                .body("lastVisitOn", equalTo("2021-12-01"))
                .body("dueOn", equalTo("2022-03-01"))
                .body("overdue", equalTo(true))
                .body("daysOverdue", equalTo(121))
                .body("band", equalTo("91-180"))
                .body("consecutiveNoAccess", equalTo(2))
                .body("warrantEligible", equalTo(true))
                .body("reviewDueOn", equalTo("2021-01-01"))
                .body("reviewOverdue", equalTo(true));
        as(TestTokens.supervisor("ds.schedule", area)).queryParam("asOf", AS_OF).get(BASE + "/schedules/" + charlie).then()
                .body("overdue", equalTo(false)).body("dueOn", equalTo("2022-08-15"));
    }

    @Test
    void overdueRiskReviewsAreListed() {
        as(ADMIN).queryParam("areaCode", area).queryParam("asOf", AS_OF).get(BASE + "/overdue-risk-reviews").then()
                .statusCode(200)
                // All five are IN_COMMUNITY except Echo; registered 2020-01-01 and never assessed: due 2021-01-01.
                .body("totalItems", equalTo(4))
                .body("items[0].reviewDueOn", equalTo("2021-01-01"))
                .body("items[0].daysOverdue", equalTo(545));
        as(ADMIN).queryParam("areaCode", area).queryParam("asOf", AS_OF).get(BASE + "/overdue-visits/summary").then()
                .body("overdueRiskReviews", equalTo(4));
        // Like the overdue visits, the whole filtered list exports as CSV.
        String csv = as(ADMIN).accept("text/csv").queryParam("areaCode", area).queryParam("asOf", AS_OF)
                .get(BASE + "/overdue-risk-reviews").then().statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("overdue-risk-reviews-" + AS_OF + ".csv"))
                .extract().asString();
        String[] lines = csv.split("\r\n");
        org.junit.jupiter.api.Assertions.assertEquals(
                "offenderId,pncId,displayName,riskLevel,areaCode,managerId,lastRiskAssessmentOn,reviewDueOn,daysOverdue", lines[0]);
        org.junit.jupiter.api.Assertions.assertEquals(5, lines.length, csv);
        org.junit.jupiter.api.Assertions.assertTrue(lines[1].endsWith(",2021-01-01,545"), lines[1]);
    }
}
