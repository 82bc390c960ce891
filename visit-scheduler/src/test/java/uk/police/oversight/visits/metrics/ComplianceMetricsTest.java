package uk.police.oversight.visits.metrics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import uk.police.oversight.testing.ManagementInterface;
import uk.police.oversight.visits.VisitApiTest;

/** Today's compliance figures on the management interface agree with the API's summary, by area and risk level. */
@QuarkusTest
class ComplianceMetricsTest extends VisitApiTest {

    @Inject
    ComplianceMetrics metrics;

    @Test
    void theBusinessGaugesShowTodaysSummaryByAreaAndRiskLevel() {
        String area = newArea("MET");
        // Two HIGH-risk offenders registered in 2020 and never visited: overdue today. One VERY_HIGH visited today: not.
        register(offender(area));
        register(offender(area));
        Map<String, Object> visited = offender(area);
        visited.put("riskLevel", "VERY_HIGH");
        String visitedId = register(visited);
        visit(visitedId, LocalDate.now().toString(), "HOME_VISIT", "COMPLETED");

        metrics.refresh();
        String scrape = given().get(ManagementInterface.url("/q/metrics")).then().statusCode(200).extract().asString();

        JsonPath summary = as(ADMIN).queryParam("areaCode", area).get(BASE + "/overdue-visits/summary").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(2, value(scrape, "oversight_overdue_visits", area, "HIGH"));
        assertEquals(0, value(scrape, "oversight_overdue_visits", area, "VERY_HIGH"));
        assertEquals(summary.getLong("overdue"), value(scrape, "oversight_overdue_visits", area, "HIGH")
                + value(scrape, "oversight_overdue_visits", area, "VERY_HIGH"), summary.prettify());
        assertEquals(summary.getLong("inScope"), value(scrape, "oversight_offenders_in_scope", area, "HIGH")
                + value(scrape, "oversight_offenders_in_scope", area, "VERY_HIGH"), summary.prettify());
        assertEquals(summary.getLong("oldestDaysOverdue"), value(scrape, "oversight_overdue_visit_oldest_days", area, "HIGH"));
        assertEquals(2, value(scrape, "oversight_offenders_in_scope", area, "HIGH"));
        assertEquals(1, value(scrape, "oversight_offenders_in_scope", area, "VERY_HIGH"));
        assertTrue(value(scrape, "oversight_overdue_visit_oldest_days", area, "HIGH") > 365, scrape);
        assertEquals(2, value(scrape, "oversight_overdue_risk_reviews", area, "HIGH"));
        // Request latency has buckets, for a p95 across replicas (Telemetry, LatencyBuckets).
        assertTrue(scrape.contains("http_server_requests_seconds_bucket{"), "no latency buckets in the scrape");
        // Labels are bounded: areas and risk levels, never an offender's id or PNC id.
        assertTrue(scrape.lines().filter(l -> l.startsWith("oversight_overdue_visits{"))
                .noneMatch(l -> l.matches(".*[0-9a-f]{8}-[0-9a-f]{4}-.*|.*\\d{4}/\\d{7}.*")), scrape);
    }

    private static long value(String scrape, String metric, String area, String riskLevel) {
        Matcher line = Pattern.compile("(?m)^" + metric + "\\{([^}]*)\\} (\\S+)(?: #.*)?$").matcher(scrape);
        while (line.find()) {
            if (line.group(1).contains("area=\"" + area + "\"") && line.group(1).contains("risk_level=\"" + riskLevel + "\"")) {
                return (long) Double.parseDouble(line.group(2));
            }
        }
        throw new AssertionError(metric + " for " + area + "/" + riskLevel + " is not in the scrape");
    }
}
