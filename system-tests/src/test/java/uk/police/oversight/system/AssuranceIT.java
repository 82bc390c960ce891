package uk.police.oversight.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.police.oversight.local.LocalMailSink;

/**
 * assurance-service through the gateway against the running services (SPEC section 9): snapshots that are
 * visit-scheduler's own figures and cannot be changed, trends and backlog ageing; a sample drawn again here, outside
 * the service, from its seed and the published population; pseudonymised case files read field by field, only by the
 * sample's members in its window, every read audited; findings and the aggregate report; the action tracker's closure
 * criterion, `changedSince` and the owners' reminder emails; the report pack as PDF, HTML and CSV; and a scrutiny
 * user never shown a name, PNC id, address, date of birth or offender id.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssuranceIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Set<String> CASE_FILE_FIELDS = Set.of("sampleId", "caseRef", "stratum", "riskLevel", "mappaCategory",
            "mappaLevel", "managementMode", "status", "registeredYear", "areaCode", "manager", "timeline", "schedule", "finding");
    private static final Set<String> TIMELINE_FIELDS = Set.of("date", "kind", "visitType", "outcome", "announced", "riskLevel",
            "tool", "status");
    private static final Set<String> SCHEDULE_FIELDS = Set.of("asOf", "inScope", "intervalMonths", "lastVisitOn", "dueOn", "overdue",
            "daysOverdue", "band", "consecutiveNoAccess", "warrantEligible", "reviewDueOn", "reviewOverdue");
    private static final Set<String> FINDING_FIELDS = Set.of("caseRef", "grade", "flags", "observations", "recordedBy", "recordedAt");

    private String area;
    private String managerNumber;
    private final List<Map<String, Object>> offenders = new ArrayList<>();
    private final List<String> offenderIds = new ArrayList<>();
    private final LocalDate yesterday = LocalDate.now(LONDON).minusDays(1);

    /** An area of its own with twelve offenders in the community at every risk level, visits with notes, and one erased. */
    @BeforeAll
    void anAreaOfItsOwn() {
        String[] world = World.areaWithManager("ASR");
        area = world[0];
        managerNumber = world[1];
        List<Map<String, Object>> items = World.offenders(area, managerNumber, 12);
        String[] risks = {"VERY_HIGH", "HIGH", "HIGH", "MEDIUM", "MEDIUM", "MEDIUM", "LOW", "LOW", "LOW", "LOW", "HIGH", "MEDIUM"};
        for (int i = 0; i < items.size(); i++) {
            items.get(i).put("riskLevel", risks[i]);
            items.get(i).put("firstName", "Quentin" + i);
            items.get(i).put("lastName", "Zebedee" + i);
            items.get(i).put("dateOfBirth", "1971-0" + (1 + i % 9) + "-1" + (i % 9));
            items.get(i).put("address", Map.of("line1", (40 + i) + " Wisteria Crescent", "town", "Keynsham", "postcode", "BS31 1" + (char) ('A' + i) + "Q"));
            items.get(i).put("registeredOn", "2019-0" + (1 + i % 9) + "-15");
        }
        JsonPath batch = SystemStack.integration().body(Map.of("items", items)).post(SystemStack.api() + "/offenders/batch")
                .then().statusCode(200).extract().jsonPath();
        for (int i = 0; i < items.size(); i++) {
            offenders.add(items.get(i));
            offenderIds.add(batch.getString("results[" + i + "].id"));
        }
        // visit-scheduler knows them once their registrations have reached it.
        assertTrue(SystemStack.eventually(Duration.ofSeconds(60), () -> SystemStack.queryLong("visits",
                "select count(*) from offender_projection where area_code = ?", area) == items.size()));
        for (int i = 0; i < offenderIds.size(); i++) {
            SystemStack.integration().body(Map.of("offenderId", offenderIds.get(i), "visitDate", "2021-0" + (1 + i % 9) + "-0" + (1 + i % 9),
                    "type", "HOME_VISIT", "outcome", i % 4 == 0 ? "NO_ACCESS" : "COMPLETED", "announced", i % 2 == 0,
                    "notes", "Spoke to Mrs Zebedee at the door of " + (40 + i) + " Wisteria Crescent"))
                    .post(SystemStack.api() + "/visits").then().statusCode(201);
            SystemStack.as("dc.assurance", List.of("offender-manager"), area).body(Map.of("assessedOn", "2021-06-0" + (1 + i % 9), "riskLevel", risks[i], "tool", "ARMS",
                    "notes", "Reviewed with Quentin's probation officer")).post(SystemStack.api() + "/offenders/" + offenderIds.get(i)
                    + "/risk-assessments").then().statusCode(201);
        }
    }

    // ---- snapshots, trends, backlog ---------------------------------------------------------------------------------

    @Test
    void aSnapshotFreezesVisitSchedulersOwnFiguresAndCannotBeChanged() throws SQLException {
        JsonPath summary = SystemStack.admin().get(SystemStack.api() + "/overdue-visits/summary?asOf=2022-06-30").then()
                .statusCode(200).extract().jsonPath();
        Response taken = scrutiny().body(Map.of("asOf", "2022-06-30")).post(SystemStack.api() + "/compliance-snapshots");
        taken.then().statusCode(201);
        JsonPath snapshot = taken.jsonPath();
        assertEquals("RECONSTRUCTED", snapshot.getString("kind"));
        assertEquals("2022-06-30", snapshot.getString("asOf"));
        for (String figure : List.of("inScope", "overdue", "overdueRiskReviews")) {
            assertEquals(summary.getLong(figure), snapshot.getLong("figures." + figure), figure);
        }
        assertEquals(summary.getDouble("complianceRate"), snapshot.getDouble("figures.complianceRate"), 1e-9);
        assertEquals(summary.getList("byArea.areaCode"), snapshot.getList("figures.byArea.areaCode"));
        assertTrue(taken.header("Location").endsWith("/api/v1/compliance-snapshots/" + snapshot.getString("id")));
        assertEquals(snapshot.getMap("figures"), scrutiny().get(taken.header("Location")).then().statusCode(200).extract().path("figures"));

        Response now = scrutiny().body(Map.of()).post(SystemStack.api() + "/compliance-snapshots");
        now.then().statusCode(201);
        assertEquals("ON_DEMAND", now.path("kind"));
        assertEquals(LocalDate.now(LONDON).toString(), now.path("asOf"));
        scrutiny().body(Map.of("asOf", "2999-01-01")).post(SystemStack.api() + "/compliance-snapshots").then().statusCode(422);
        SystemStack.as("it-manager", List.of("offender-manager"), area).body(Map.of("asOf", "2022-06-30"))
                .post(SystemStack.api() + "/compliance-snapshots").then().statusCode(403);

        try (Connection db = assuranceDb()) {
            for (String change : List.of("update compliance_snapshot set figures = '{}'::jsonb where id = ?::uuid",
                    "delete from compliance_snapshot where id = ?::uuid")) {
                try (PreparedStatement statement = db.prepareStatement(change)) {
                    statement.setString(1, snapshot.getString("id"));
                    assertThrows(SQLException.class, statement::executeUpdate, "snapshots are immutable: " + change);
                }
            }
        }
    }

    @Test
    void theMonthlySnapshotIsTakenByItselfOnceForTheMonth() throws SQLException {
        // The system tests' stack runs the job every 15 s (SystemStack): each run finds this month's and takes no other.
        String today = LocalDate.now(LONDON).toString();
        assertTrue(SystemStack.eventually(Duration.ofSeconds(60), () -> !scrutiny()
                .get(SystemStack.api() + "/compliance-snapshots?kind=MONTHLY&from=" + today).jsonPath().getList("items").isEmpty()));
        JsonPath monthly = scrutiny().get(SystemStack.api() + "/compliance-snapshots?kind=MONTHLY&from=" + today).then().statusCode(200)
                .extract().jsonPath();
        // The job ran by itself, with its own identity, and kept visit-scheduler's answer: the summary's figures, field for
        // field. (Not today's values: the job may have run before this run's data existed, and takes no second one.)
        Map<String, Object> figures = monthly.getMap("items[0].figures");
        for (String field : List.of("inScope", "overdue", "complianceRate", "overdueRiskReviews", "byArea", "byRiskLevel")) {
            assertTrue(figures.containsKey(field), "visit-scheduler's figures, read with its own identity: " + field + " in " + figures.keySet());
        }
        // oldestDaysOverdue is absent when nobody is overdue (as it may be if the job ran before this run's data existed).
        assertEquals(((Number) figures.get("overdue")).longValue() > 0, figures.containsKey("oldestDaysOverdue"), "oldestDaysOverdue in " + figures.keySet());
        SystemStack.eventually(Duration.ofSeconds(35), () -> false);
        try (Connection db = assuranceDb(); PreparedStatement count = db.prepareStatement("select count(*) from compliance_snapshot"
                + " where kind = 'MONTHLY' and date_trunc('month', as_of) = date_trunc('month', ?::date)")) {
            count.setString(1, today);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                assertEquals(1, rs.getInt(1), "one MONTHLY snapshot for the month, however often the job runs");
            }
        }
    }

    @Test
    void theTrendHasOnePointPerMonthWithChangesAndRag() {
        for (String asOf : List.of("2022-04-30", "2022-05-31", "2022-06-30")) {
            scrutiny().body(Map.of("asOf", asOf)).post(SystemStack.api() + "/compliance-snapshots").then().statusCode(201);
        }
        JsonPath trend = scrutiny().get(SystemStack.api() + "/compliance-trends?metric=complianceRate&from=2022-04-01&to=2022-06-30")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("2022-04-30", "2022-05-31", "2022-06-30"), trend.getList("points.asOf"), "one point per month");
        List<Float> values = trend.getList("points.value", Float.class);
        assertEquals(values.get(2) - values.get(1), trend.getFloat("changeSincePrevious"), 1e-4);
        assertNotNull(trend.getString("points[2].rag"), "complianceRate is rated against the default thresholds");
        double rate = values.get(2);
        String expected = rate >= 0.95 ? "GREEN" : rate >= 0.90 ? "AMBER" : "RED";
        assertEquals(expected, trend.getString("points[2].rag"));
        JsonPath mine = scrutiny().get(SystemStack.api() + "/compliance-trends?metric=inScope&areaCode=" + area
                + "&from=2022-06-01&to=2022-06-30").then().statusCode(200).extract().jsonPath();
        assertEquals(12.0, mine.getDouble("points[0].value"), 1e-9, "the area's own figure");
        scrutiny().get(SystemStack.api() + "/compliance-trends?metric=nonsense").then().statusCode(400);
        scrutiny().get(SystemStack.api() + "/compliance-trends").then().statusCode(400);
        scrutiny().get(SystemStack.api() + "/compliance-trends?metric=overdue&areaCode=" + area + "&riskLevel=HIGH").then().statusCode(400);
    }

    @Test
    void backlogAgeingAddsUpToTheOverdueCount() {
        JsonPath summary = SystemStack.admin().get(SystemStack.api() + "/overdue-visits/summary?asOf=2022-06-30").then()
                .statusCode(200).extract().jsonPath();
        JsonPath backlog = scrutiny().get(SystemStack.api() + "/backlog-ageing?asOf=2022-06-30").then().statusCode(200).extract().jsonPath();
        assertEquals(summary.getLong("overdue"), backlog.getLong("overdue"));
        assertEquals(backlog.getLong("overdue"), backlog.getList("byBand.overdue", Long.class).stream().mapToLong(Long::longValue).sum());
        assertEquals(List.of("VERY_HIGH", "HIGH", "MEDIUM", "LOW"), backlog.getList("byRiskLevel.riskLevel"));
        long byRisk = 0;
        for (int i = 0; i < 4; i++) {
            long row = backlog.getList("byRiskLevel[" + i + "].byBand.overdue", Long.class).stream().mapToLong(Long::longValue).sum();
            assertEquals(backlog.getLong("byRiskLevel[" + i + "].overdue"), row);
            byRisk += row;
        }
        assertEquals(backlog.getLong("overdue"), byRisk);
        assertEquals(summary.getLong("oldestDaysOverdue"), backlog.getLong("oldestDaysOverdue"));
    }

    // ---- samples ----------------------------------------------------------------------------------------------------

    @Test
    void aSampleIsDrawnAgainOutsideTheServiceFromItsSeed() throws Exception {
        for (String strata : new String[] {null, "RISK_LEVEL"}) {
            Map<String, Object> request = sampleRequest("it-panel", yesterday, yesterday.plusDays(10), 5);
            request.put("seed", "reproduce-" + area + "-" + strata);
            if (strata != null) {
                request.put("stratifyBy", strata);
            }
            Response drawn = scrutiny().body(request).post(SystemStack.api() + "/assurance-samples");
            drawn.then().statusCode(201);
            assertEquals("sha256-rank-v1", drawn.path("algorithm"));
            List<Map<String, Object>> population = SystemStack.integration()
                    .get(SystemStack.api() + "/community-offenders?asOf=" + yesterday).then().statusCode(200).extract()
                    .jsonPath().getList("findAll { it.areaCode == '" + area + "' }");
            assertEquals(12, population.size());
            assertEquals(12, (int) drawn.path("populationSize"));
            // overdueOnly: exactly visit-scheduler's overdue list for the area on that day.
            List<String> overdue = SystemStack.integration().get(SystemStack.api() + "/community-offenders?overdueOnly=true&asOf=" + yesterday)
                    .then().statusCode(200).extract().jsonPath().getList("findAll { it.areaCode == '" + area + "' }.offenderId");
            List<String> listed = SystemStack.admin().get(SystemStack.api() + "/overdue-visits?size=500&areaCode=" + area + "&asOf=" + yesterday)
                    .then().statusCode(200).extract().jsonPath().getList("items.offenderId");
            assertEquals(new TreeSet<>(listed), new TreeSet<>(overdue));
            assertFalse(overdue.isEmpty());
            List<String> expected = redraw((String) request.get("seed"), population, 5, strata != null);
            List<String> actual = sampledOffenders(drawn.path("id"));
            assertEquals(expected, actual, "the same cases, in key order, " + (strata == null ? "without" : "with") + " strata");
            assertTrue(((String) drawn.path("reproduce")).contains("SHA-256"), "the answer says how to draw it again");
            if (strata != null) {
                Map<String, Integer> drawnPerStratum = new TreeMap<>();
                List<String> strataOfCases = drawn.jsonPath().getList("cases.stratum");
                strataOfCases.forEach(s -> drawnPerStratum.merge(s, 1, Integer::sum));
                // 12 = 1 VERY_HIGH, 3 HIGH, 4 MEDIUM, 4 LOW; 5 seats: quotas 0.42, 1.25, 1.67, 1.67 → 0, 1, 2, 2.
                assertEquals(Map.of("HIGH", 1, "LOW", 2, "MEDIUM", 2), drawnPerStratum);
            }
        }
    }

    @Test
    void caseFilesArePseudonymisedReadOnlyByMembersInTheWindowAndEveryReadIsAudited() throws Exception {
        Response drawn = scrutiny().body(sampleRequest("it-lay-member", yesterday, yesterday.plusDays(30), 12))
                .post(SystemStack.api() + "/assurance-samples");
        drawn.then().statusCode(201);
        String sample = drawn.path("id");
        List<String> caseRefs = drawn.jsonPath().getList("cases.caseRef");
        assertEquals(12, caseRefs.size());
        assertTrue(caseRefs.get(0).matches(sample.substring(0, 8) + "-\\d{2}"), caseRefs.get(0));
        List<String> managers = new ArrayList<>();
        for (String caseRef : caseRefs) {
            Response file = panel("it-lay-member").get(SystemStack.api() + "/assurance-samples/" + sample + "/cases/" + caseRef);
            file.then().statusCode(200);
            JsonNode json = JSON.readTree(file.asString());
            assertOnly(CASE_FILE_FIELDS, json, "case file");
            json.get("timeline").forEach(entry -> assertOnly(TIMELINE_FIELDS, entry, "timeline entry"));
            assertOnly(SCHEDULE_FIELDS, json.get("schedule"), "schedule");
            assertFalse(json.get("timeline").isEmpty(), "the visits and assessments are there");
            assertTrue(json.get("registeredYear").asInt() == 2019);
            managers.add(json.get("manager").asText());
            String text = file.asString();
            for (int i = 0; i < offenders.size(); i++) {
                Map<String, Object> o = offenders.get(i);
                @SuppressWarnings("unchecked")
                Map<String, Object> address = (Map<String, Object>) o.get("address");
                for (Object identifying : List.of(o.get("firstName"), o.get("lastName"), o.get("pncId"), o.get("dateOfBirth"),
                        address.get("line1"), address.get("postcode"), "Wisteria", "Keynsham", offenderIds.get(i), managerNumber,
                        "Officer " + area, "Mrs Zebedee", "probation officer", "1 Test Street")) {
                    assertFalse(text.contains(identifying.toString()), caseRef + " shows " + identifying + ": " + text);
                }
            }
        }
        assertEquals(Set.of("Manager A"), Set.copyOf(managers), "one manager, named only within the sample");

        String first = caseRefs.get(0);
        String offender = sampledOffenders(sample).get(0);
        assertTrue(SystemStack.eventually(Duration.ofSeconds(30), () -> SystemStack.admin()
                .get(SystemStack.api() + "/audit-events?offenderId=" + offender + "&actor=it-lay-member").then().extract()
                .jsonPath().getList("items.findAll { it.justification == 'assurance sample " + sample + "' && it.action == 'CONSULT' }")
                .size() >= 1), "the read is in the audit trail, justified by the sample");

        // Anyone else, or a member outside the window, is told there is no such thing.
        panel("it-someone-else").get(SystemStack.api() + "/assurance-samples/" + sample + "/cases/" + first).then().statusCode(404);
        panel("it-someone-else").get(SystemStack.api() + "/assurance-samples/" + sample).then().statusCode(404);
        panel("it-lay-member").get(SystemStack.api() + "/assurance-samples/" + sample + "/cases/" + sample.substring(0, 8) + "-99")
                .then().statusCode(404);
        scrutiny().get(SystemStack.api() + "/assurance-samples/" + sample + "/cases/" + first).then().statusCode(403);
        Response closed = scrutiny().body(sampleRequest("it-lay-member", yesterday.minusDays(20), yesterday, 3))
                .post(SystemStack.api() + "/assurance-samples");
        closed.then().statusCode(201);
        panel("it-lay-member").get(SystemStack.api() + "/assurance-samples/" + closed.path("id") + "/cases/"
                + closed.jsonPath().getString("cases[0].caseRef")).then().statusCode(404);
        Response later = scrutiny().body(sampleRequest("it-lay-member", yesterday.plusDays(5), yesterday.plusDays(9), 3))
                .post(SystemStack.api() + "/assurance-samples");
        panel("it-lay-member").get(SystemStack.api() + "/assurance-samples/" + later.path("id") + "/cases/"
                + later.jsonPath().getString("cases[0].caseRef")).then().statusCode(404);

        // Findings, and the report that counts them.
        panel("it-lay-member").body(Map.of("grade", "INAPPROPRIATE", "flags", List.of("VISIT_OVERDUE", "NO_ACCESS_NOT_FOLLOWED_UP"),
                "observations", "Nothing on file after the no-access visit."))
                .put(SystemStack.api() + "/assurance-samples/" + sample + "/cases/" + first + "/finding").then().statusCode(200);
        panel("it-lay-member").body(Map.of("grade", "CONSISTENT"))
                .put(SystemStack.api() + "/assurance-samples/" + sample + "/cases/" + caseRefs.get(1) + "/finding").then().statusCode(200);
        panel("it-lay-member").body(Map.of("grade", "SPLENDID"))
                .put(SystemStack.api() + "/assurance-samples/" + sample + "/cases/" + caseRefs.get(2) + "/finding").then().statusCode(400);
        JsonNode withFinding = JSON.readTree(panel("it-lay-member").get(SystemStack.api() + "/assurance-samples/" + sample + "/cases/" + first).asString());
        assertOnly(FINDING_FIELDS, withFinding.get("finding"), "finding");
        assertEquals("INAPPROPRIATE", withFinding.get("finding").get("grade").asText());
        JsonPath report = scrutiny().get(SystemStack.api() + "/assurance-samples/" + sample + "/report").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(12, report.getInt("cases"));
        assertEquals(2, report.getInt("findings"));
        assertEquals(1, report.getInt("byGrade.INAPPROPRIATE"));
        assertEquals(1, report.getInt("byGrade.CONSISTENT"));
        assertEquals(0, report.getInt("byGrade.NO_CONCLUSION"));
        assertEquals(1, report.getInt("byFlag.VISIT_OVERDUE"));
        assertFalse(report.prettify().contains("Nothing on file"), "observations stay out of the report");
        assertEquals(12, (int) panel("it-lay-member").get(SystemStack.api() + "/assurance-samples/" + sample + "/report")
                .then().statusCode(200).extract().path("cases"));
    }

    @Test
    void aSampleRequestThatMakesNoSenseIsRefusedWithFieldErrors() {
        Map<String, Object> backwards = sampleRequest("it-panel", yesterday, yesterday.minusDays(1), 3);
        scrutiny().body(backwards).post(SystemStack.api() + "/assurance-samples").then().statusCode(422);
        Map<String, Object> future = sampleRequest("it-panel", yesterday, yesterday.plusDays(3), 3);
        future.put("population", Map.of("from", "2022-01-01", "to", "2999-01-01"));
        scrutiny().body(future).post(SystemStack.api() + "/assurance-samples").then().statusCode(422);
        Map<String, Object> none = sampleRequest("it-panel", yesterday, yesterday.plusDays(3), 3);
        none.put("panelMembers", List.of());
        scrutiny().body(none).post(SystemStack.api() + "/assurance-samples").then().statusCode(422);
        Map<String, Object> risk = sampleRequest("it-panel", yesterday, yesterday.plusDays(3), 3);
        risk.put("population", Map.of("from", "2022-01-01", "to", yesterday.toString(), "riskLevels", List.of("EXTREME")));
        scrutiny().body(risk).post(SystemStack.api() + "/assurance-samples").then().statusCode(422);
    }

    // ---- actions ----------------------------------------------------------------------------------------------------

    @Test
    void anActionClosesOnlyWhenItsCriterionIsMetOrWithAReason() {
        Map<String, Object> request = action("AFI-" + area, LocalDate.now(LONDON).plusMonths(2), null);
        request.put("closureCriterion", Map.of("metric", "complianceRate", "better", "HIGHER", "value", 0.999, "consecutiveSnapshots", 3));
        Response created = scrutiny().body(request).post(SystemStack.api() + "/actions");
        created.then().statusCode(201);
        String id = created.path("id");
        assertEquals("GREEN", created.path("rag"));
        assertEquals(false, created.path("criterionMet"), "no three MONTHLY snapshots meet it");
        scrutiny().body(request).post(SystemStack.api() + "/actions").then().statusCode(409);

        SystemStack.as("it-supervisor", List.of("supervisor"), area).body(Map.of("note", "Weekly review in place", "status", "IN_PROGRESS"))
                .post(SystemStack.api() + "/actions/" + id + "/updates").then().statusCode(201);
        SystemStack.as("it-supervisor", List.of("supervisor"), area).body(Map.of("note", "Done", "status", "CLOSED"))
                .post(SystemStack.api() + "/actions/" + id + "/updates").then().statusCode(403);
        Response refused = scrutiny().body(Map.of("note", "Done", "status", "CLOSED")).post(SystemStack.api() + "/actions/" + id + "/updates");
        refused.then().statusCode(422);
        assertTrue(refused.asString().contains("closure criterion is not met"), refused.asString());
        scrutiny().body(Map.of("note", "Noted", "overrideReason", "Because")).post(SystemStack.api() + "/actions/" + id + "/updates")
                .then().statusCode(422);
        Response closed = scrutiny().body(Map.of("note", "Signed off at the meeting", "status", "CLOSED",
                "overrideReason", "The Commissioner accepted the force's assurance")).post(SystemStack.api() + "/actions/" + id + "/updates");
        closed.then().statusCode(201);
        assertEquals("CLOSED", closed.path("status"));
        assertEquals(null, (Object) closed.path("rag"));
        assertEquals(List.of("IN_PROGRESS", "CLOSED"), closed.jsonPath().getList("updates.status"), "append-only, oldest first");
        assertEquals("The Commissioner accepted the force's assurance", closed.path("updates[1].overrideReason"));

        String today = LocalDate.now(LONDON).toString();
        String tomorrow = LocalDate.now(LONDON).plusDays(1).toString();
        assertTrue(scrutiny().get(SystemStack.api() + "/actions?size=500&changedSince=" + today).jsonPath()
                .getList("items.reference").contains("AFI-" + area), "what changed since the last meeting");
        assertFalse(scrutiny().get(SystemStack.api() + "/actions?size=500&changedSince=" + tomorrow).jsonPath()
                .getList("items.reference").contains("AFI-" + area));
        assertTrue(scrutiny().get(SystemStack.api() + "/actions?size=500&status=CLOSED").jsonPath()
                .getList("items.reference").contains("AFI-" + area));

        Map<String, Object> late = action("COC-" + area, LocalDate.now(LONDON).minusDays(1), null);
        scrutiny().body(late).post(SystemStack.api() + "/actions").then().statusCode(201).body("rag", org.hamcrest.Matchers.equalTo("RED"));
        assertTrue(scrutiny().get(SystemStack.api() + "/actions?size=500&rag=RED").jsonPath().getList("items.reference").contains("COC-" + area));
        assertFalse(scrutiny().get(SystemStack.api() + "/actions?size=500&rag=GREEN").jsonPath().getList("items.reference").contains("COC-" + area));
        scrutiny().get(SystemStack.api() + "/actions?rag=PURPLE").then().statusCode(400);
        scrutiny().get(SystemStack.api() + "/actions?sort=owner,asc").then().statusCode(400);
        Map<String, Object> wrongWay = action("X-" + area, LocalDate.now(LONDON), null);
        wrongWay.put("closureCriterion", Map.of("metric", "overdue", "better", "HIGHER", "value", 10, "consecutiveSnapshots", 3));
        scrutiny().body(wrongWay).post(SystemStack.api() + "/actions").then().statusCode(422);
    }

    @Test
    void ownersAreEmailedBeforeAndWhenAnActionFallsDueOnceEach() {
        String email = World.supervisor(area);
        String owner = SystemStack.admin().get(SystemStack.api() + "/staff?areaCode=" + area + "&role=SUPERVISOR").then().statusCode(200)
                .extract().path("items[0].id");
        LocalDate due = LocalDate.now(LONDON).plusDays(40);
        String reference = "REM-" + area;
        scrutiny().body(action(reference, due, owner)).post(SystemStack.api() + "/actions").then().statusCode(201);
        LocalDate fortnightBefore = due.minusDays(14);
        SystemStack.admin().post(SystemStack.api() + "/actions/reminders?on=" + fortnightBefore.minusDays(1)).then().statusCode(200);
        SystemStack.admin().post(SystemStack.api() + "/actions/reminders?on=" + fortnightBefore).then().statusCode(200);
        SystemStack.admin().post(SystemStack.api() + "/actions/reminders?on=" + fortnightBefore.plusDays(1)).then().statusCode(200);
        assertTrue(SystemStack.eventually(Duration.ofSeconds(60), () -> mailsTo(email, "Action due " + due + ": " + reference) == 1));
        SystemStack.admin().post(SystemStack.api() + "/actions/reminders?on=" + due.plusDays(1)).then().statusCode(200);
        SystemStack.admin().post(SystemStack.api() + "/actions/reminders?on=" + due.plusDays(2)).then().statusCode(200);
        assertTrue(SystemStack.eventually(Duration.ofSeconds(60), () -> mailsTo(email, "OVERDUE action: " + reference) == 1));
        SystemStack.eventually(Duration.ofSeconds(3), () -> false);
        assertEquals(1, mailsTo(email, "Action due " + due + ": " + reference), "once each");
        assertEquals(1, mailsTo(email, "OVERDUE action: " + reference), "once each");
    }

    // ---- the report pack --------------------------------------------------------------------------------------------

    @Test
    void theReportPackComesAsPdfHtmlAndCsv() throws Exception {
        for (String asOf : List.of("2022-05-31", "2022-06-30")) {
            scrutiny().body(Map.of("asOf", asOf)).post(SystemStack.api() + "/compliance-snapshots").then().statusCode(201);
        }
        long overdue = SystemStack.admin().get(SystemStack.api() + "/overdue-visits/summary?asOf=2022-06-30").then().extract()
                .jsonPath().getLong("overdue");
        Response pdf = scrutiny().accept("application/pdf").get(SystemStack.api() + "/reports/compliance?month=2022-06");
        pdf.then().statusCode(200).contentType("application/pdf");
        String text;
        try (PDDocument document = Loader.loadPDF(pdf.asByteArray())) {
            assertTrue(document.getNumberOfPages() >= 2, "pages: " + document.getNumberOfPages());
            text = new PDFTextStripper().getText(document);
        }
        for (String expected : List.of("compliance", "June 2022", "Headline figures", "Overdue a home visit", "Visits compliance rate",
                "Backlog ageing", "Actions", String.format(java.util.Locale.UK, "%,d", overdue))) {
            assertTrue(text.contains(expected), "the PDF says " + expected + ":\n" + text);
        }
        Response html = scrutiny().accept("text/html").get(SystemStack.api() + "/reports/compliance?month=2022-06");
        html.then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/html"));
        assertTrue(html.asString().contains("<img") && html.asString().contains("data:image/png;base64,"), "drawn charts");
        assertTrue(html.asString().contains("<table"), "each chart has its table");
        assertFalse(html.asString().contains("<script"), "no script");
        // Kept to look at (a headless browser's screenshot of it is how the page was checked by eye).
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/report-pack"));
        java.nio.file.Files.write(java.nio.file.Path.of("target/report-pack/compliance-2022-06.html"), html.asByteArray());
        java.nio.file.Files.write(java.nio.file.Path.of("target/report-pack/compliance-2022-06.pdf"), pdf.asByteArray());
        assertEquals("default-src 'none'; img-src data:; style-src 'unsafe-inline'; frame-ancestors 'none'",
                html.header("Content-Security-Policy"), "the page's own narrow policy");
        Response csv = scrutiny().accept("text/csv").get(SystemStack.api() + "/reports/compliance?month=2022-06");
        csv.then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv"));
        assertTrue(csv.asString().lines().anyMatch(l -> l.contains("overdue") && l.contains(Long.toString(overdue))), csv.asString());
        scrutiny().accept("application/pdf").get(SystemStack.api() + "/reports/compliance?month=2999-01").then().statusCode(400);
        scrutiny().accept("application/pdf").get(SystemStack.api() + "/reports/compliance?month=June").then().statusCode(400);
        scrutiny().accept("application/pdf").get(SystemStack.api() + "/reports/compliance?month=1960-01").then().statusCode(404);
        scrutiny().accept("application/xml").get(SystemStack.api() + "/reports/compliance?month=2022-06").then().statusCode(406);
    }

    // ---- scrutiny sees no one ---------------------------------------------------------------------------------------

    @Test
    void scrutinyIsNeverShownANamePncIdAddressDateOfBirthOrOfferderId() {
        Response drawn = scrutiny().body(sampleRequest("it-panel", yesterday, yesterday.plusDays(3), 6)).post(SystemStack.api() + "/assurance-samples");
        drawn.then().statusCode(201);
        String sample = drawn.path("id");
        scrutiny().body(action("SCR-" + area, LocalDate.now(LONDON).plusDays(5), null)).post(SystemStack.api() + "/actions").then().statusCode(201);
        List<String> answers = new ArrayList<>();
        answers.add(drawn.asString());
        for (String path : List.of("/compliance-snapshots?size=500", "/compliance-trends?metric=overdue&areaCode=" + area,
                "/performance-thresholds", "/backlog-ageing?areaCode=" + area, "/assurance-samples", "/assurance-samples/" + sample,
                "/assurance-samples/" + sample + "/report", "/actions?size=500", "/overdue-visits/summary?areaCode=" + area)) {
            answers.add(scrutiny().get(SystemStack.api() + path).then().statusCode(200).extract().asString());
        }
        answers.add(scrutiny().accept("text/html").get(SystemStack.api() + "/reports/compliance?month=" + LocalDate.now(LONDON)
                .minusMonths(1).toString().substring(0, 7)).asString());
        answers.add(scrutiny().accept("text/csv").get(SystemStack.api() + "/reports/compliance?month=2022-06").asString());
        for (String answer : answers) {
            for (int i = 0; i < offenders.size(); i++) {
                Map<String, Object> o = offenders.get(i);
                for (Object identifying : List.of(o.get("lastName"), o.get("pncId"), o.get("dateOfBirth"), offenderIds.get(i),
                        "Wisteria Crescent", "Officer " + area)) {
                    assertFalse(answer.contains(identifying.toString()), "scrutiny was shown " + identifying);
                }
            }
        }
        scrutiny().get(SystemStack.api() + "/community-offenders?asOf=" + yesterday).then().statusCode(403);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    /** sha256-rank-v1, written again from SPEC section 9 without the service's code. */
    private static List<String> redraw(String seed, List<Map<String, Object>> population, int size, boolean byRisk) throws Exception {
        Map<String, String> keys = new LinkedHashMap<>();
        for (Map<String, Object> c : population) {
            String id = (String) c.get("offenderId");
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((seed + ":" + id).getBytes(StandardCharsets.UTF_8));
            keys.put(id, HexFormat.of().formatHex(hash));
        }
        List<Map<String, Object>> ranked = new ArrayList<>(population);
        ranked.sort(Comparator.comparing(c -> keys.get((String) c.get("offenderId"))));
        List<Map<String, Object>> chosen = new ArrayList<>();
        if (!byRisk) {
            chosen.addAll(ranked.subList(0, Math.min(size, ranked.size())));
        } else {
            Map<String, List<Map<String, Object>>> strata = new TreeMap<>();
            ranked.forEach(c -> strata.computeIfAbsent((String) c.get("riskLevel"), k -> new ArrayList<>()).add(c));
            int total = ranked.size();
            Map<String, Integer> seats = new TreeMap<>();
            Map<String, Double> remainder = new TreeMap<>();
            int given = 0;
            for (var e : strata.entrySet()) {
                double quota = (double) size * e.getValue().size() / total;
                seats.put(e.getKey(), (int) Math.floor(quota));
                remainder.put(e.getKey(), quota - Math.floor(quota));
                given += (int) Math.floor(quota);
            }
            List<String> order = new ArrayList<>(strata.keySet());
            order.sort(Comparator.<String>comparingDouble(remainder::get).reversed()
                    .thenComparing(Comparator.<String>comparingInt(s -> strata.get(s).size()).reversed())
                    .thenComparing(Comparator.naturalOrder()));
            for (Iterator<String> next = order.iterator(); given < size && next.hasNext(); given++) {
                String s = next.next();
                seats.merge(s, 1, Integer::sum);
            }
            seats.forEach((s, n) -> chosen.addAll(strata.get(s).subList(0, n)));
            chosen.sort(Comparator.comparing(c -> keys.get((String) c.get("offenderId"))));
        }
        return chosen.stream().map(c -> (String) c.get("offenderId")).toList();
    }

    /** The offenders behind a sample's cases, in case order: only the service's own database knows them. */
    private static List<String> sampledOffenders(String sample) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection db = assuranceDb(); PreparedStatement query = db.prepareStatement(
                "select offender_id from sample_case where sample_id = ?::uuid order by case_ref")) {
            query.setString(1, sample);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    private static void assertOnly(Set<String> allowed, JsonNode node, String what) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        names.removeAll(allowed);
        assertEquals(Set.of(), names, "fields a " + what + " must not have");
    }

    private Map<String, Object> sampleRequest(String member, LocalDate accessFrom, LocalDate accessUntil, int size) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("title", "IT sample " + area + " " + System.nanoTime());
        request.put("population", Map.of("from", yesterday.minusMonths(6).toString(), "to", yesterday.toString(), "areaCodes", List.of(area)));
        request.put("size", size);
        request.put("panelMembers", List.of(member));
        request.put("accessFrom", accessFrom.toString());
        request.put("accessUntil", accessUntil.toString());
        return request;
    }

    private static Map<String, Object> action(String reference, LocalDate dueOn, String ownerStaffId) {
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("reference", reference);
        action.put("source", "HMICFRS_AFI");
        action.put("title", "Bring RSO home visits up to date");
        action.put("description", "HMICFRS found offenders overdue a home visit.");
        action.put("owner", "Detective Superintendent, Public Protection");
        action.put("dueOn", dueOn.toString());
        if (ownerStaffId != null) {
            action.put("ownerStaffId", ownerStaffId);
        }
        return action;
    }

    private static long mailsTo(String address, String subjectPart) {
        return SystemStack.get().mailSink().mails().stream()
                .filter(m -> m.to().contains(address) && m.subject().contains(subjectPart)).count();
    }

    private static RequestSpecification scrutiny() {
        return SystemStack.as("pcc-office", List.of("scrutiny"));
    }

    private static RequestSpecification panel(String member) {
        return SystemStack.as(member, List.of("panel"));
    }

    private static Connection assuranceDb() throws SQLException {
        return DriverManager.getConnection(SystemStack.get().jdbcUrl("assurance"), "postgres", "");
    }
}
