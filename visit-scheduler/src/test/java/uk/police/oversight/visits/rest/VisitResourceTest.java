package uk.police.oversight.visits.rest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import uk.police.oversight.testing.OffenderServiceStubResource;
import uk.police.oversight.testing.TestTokens;
import uk.police.oversight.visits.VisitApiTest;

@QuarkusTest
class VisitResourceTest extends VisitApiTest {

    @Inject
    EntityManagerFactory entityManagerFactory;

    @Test
    void aManagerRecordsAVisitAndReadsItBack() {
        String area = newArea("VIS");
        String id = register(offender(area));
        String manager = TestTokens.manager("dc.visits", area);

        String location = as(manager).body(Map.of("offenderId", id, "visitDate", "2022-06-14", "type", "HOME_VISIT",
                        "outcome", "COMPLETED", "announced", false, "notes", "Address checked"))
                .post(BASE + "/visits").then().statusCode(201)
                .header("Location", containsString("/api/v1/visits/"))
                .body("recordedBy", equalTo("dc.visits"))
                .extract().header("Location");

        as(manager).get(location).then().statusCode(200).body("notes", equalTo("Address checked"));
        as(manager).queryParam("offenderId", id).get(BASE + "/visits").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].visitDate", equalTo("2022-06-14"));
    }

    @Test
    void aVisitCanNameItsOffenderByPncIdInAnyForm() {
        String area = newArea("PNV");
        Map<String, Object> facts = offender(area);
        register(facts);
        String pnc = (String) facts.get("pncId");

        as(INTEGRATION).body(Map.of("pncId", pnc.substring(2).replace("/", ""), "visitDate", "2022-06-14", "type",
                        "HOME_VISIT", "outcome", "NO_ACCESS", "announced", true))
                .post(BASE + "/visits").then().statusCode(201).body("offenderId", equalTo(facts.get("offenderId")));
    }

    @Test
    void aVisitOutsideTheCallersAreasOrForAnUnknownOffenderIsRefused() {
        String bristol = newArea("BRS");
        String somerset = newArea("SOM");
        String somersetOffender = register(offender(somerset));
        String visitId = visit(somersetOffender, "2022-06-01", "HOME_VISIT", "COMPLETED");
        String bristolManager = TestTokens.manager("dc.bristol", bristol);

        as(bristolManager).body(Map.of("offenderId", somersetOffender, "visitDate", "2022-06-14", "type", "HOME_VISIT",
                        "outcome", "COMPLETED", "announced", false))
                .post(BASE + "/visits").then().statusCode(422).body("errors[0].field", equalTo("offenderId"));
        as(bristolManager).get(BASE + "/visits/" + visitId).then().statusCode(404);
        as(bristolManager).queryParam("offenderId", somersetOffender).get(BASE + "/visits").then().body("totalItems", equalTo(0));
        // offender-service (the stand-in) does not know this id either: 422, not a 5xx.
        as(INTEGRATION).body(Map.of("offenderId", "6f1c2a9e-8d4b-4c1e-9f2a-6b7d8e9f0a1b", "visitDate", "2022-06-14",
                        "type", "HOME_VISIT", "outcome", "COMPLETED", "announced", false))
                .post(BASE + "/visits").then().statusCode(422).body("errors[0].field", equalTo("offenderId"));
    }

    /**
     * An offender outside the caller's areas is answered exactly like an unknown one, whatever else the request says:
     * a wrong PNC id beside a real other-area offender id must not answer "does not belong" (that would confirm the id).
     */
    @Test
    void anOtherAreaOffenderIsIndistinguishableFromAnUnknownOne() {
        String bristol = newArea("BRI");
        String somerset = newArea("SMR");
        String somersetOffender = register(offender(somerset));
        String bristolManager = TestTokens.manager("dc.prober", bristol);
        Map<String, Object> unknown = Map.of("offenderId", "6f1c2a9e-8d4b-4c1e-9f2a-6b7d8e9f0a1c", "pncId", "2008/0056560Z",
                "visitDate", "2022-06-14", "type", "HOME_VISIT", "outcome", "COMPLETED", "announced", false);
        Map<String, Object> otherArea = new HashMap<>(unknown);
        otherArea.put("offenderId", somersetOffender);
        var toUnknown = as(bristolManager).body(unknown).post(BASE + "/visits").then().statusCode(422).extract().jsonPath();
        var toOtherArea = as(bristolManager).body(otherArea).post(BASE + "/visits").then().statusCode(422).extract().jsonPath();
        org.junit.jupiter.api.Assertions.assertEquals(toUnknown.getList("errors"), toOtherArea.getList("errors"));
        org.junit.jupiter.api.Assertions.assertEquals(toUnknown.getString("detail"), toOtherArea.getString("detail"));
    }

    /** A visit is dated on or after the offender's registration, and made by a staff member of the offender's area. */
    @Test
    void aVisitIsAfterRegistrationAndByAStaffMemberOfTheArea() {
        String area = newArea("OFC");
        String id = register(offender(area)); // registered 2020-01-01
        java.util.UUID officer = java.util.UUID.randomUUID();
        java.util.UUID elsewhere = java.util.UUID.randomUUID();
        publishStaff(officer, area);
        publishStaff(elsewhere, newArea("OFX"));

        as(INTEGRATION).body(Map.of("offenderId", id, "visitDate", "2019-12-31", "type", "HOME_VISIT", "outcome", "COMPLETED",
                        "announced", false))
                .post(BASE + "/visits").then().statusCode(422).body("errors[0].field", equalTo("visitDate"))
                .body("errors[0].message", containsString("2020-01-01"));
        as(INTEGRATION).body(Map.of("offenderId", id, "visitDate", "1900-01-01", "type", "HOME_VISIT", "outcome", "COMPLETED",
                        "announced", false))
                .post(BASE + "/visits").then().statusCode(422).body("errors[0].field", equalTo("visitDate"));
        for (String wrong : List.of(elsewhere.toString(), "6f1c2a9e-8d4b-4c1e-9f2a-6b7d8e9f0a1d")) {
            as(INTEGRATION).body(Map.of("offenderId", id, "visitDate", "2022-06-14", "type", "HOME_VISIT", "outcome", "COMPLETED",
                            "announced", false, "officerId", wrong))
                    .post(BASE + "/visits").then().statusCode(422).body("errors[0].field", equalTo("officerId"));
        }
        as(INTEGRATION).body(Map.of("items", List.of(Map.of("offenderId", id, "visitDate", "2022-06-15", "type", "HOME_VISIT",
                        "outcome", "COMPLETED", "announced", false, "officerId", elsewhere.toString(), "externalRef", "OFC-1"))))
                .post(BASE + "/visits/batch").then().statusCode(200).body("rejected", equalTo(1))
                .body("results[0].problems[0].field", equalTo("officerId"));
        as(INTEGRATION).body(Map.of("offenderId", id, "visitDate", "2022-06-14", "type", "HOME_VISIT", "outcome", "COMPLETED",
                        "announced", false, "officerId", officer.toString()))
                .post(BASE + "/visits").then().statusCode(201).body("officerId", equalTo(officer.toString()));
    }

    @Test
    void offenderServiceFailingIsA503WithRetryAfter() {
        as(INTEGRATION).body(Map.of("offenderId", OffenderServiceStubResource.FAILING_ID, "visitDate", "2022-06-14",
                        "type", "HOME_VISIT", "outcome", "COMPLETED", "announced", false))
                .post(BASE + "/visits").then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue());
    }

    @Test
    void aFutureVisitIsRefused() {
        String id = register(offender(newArea("FUT")));
        as(INTEGRATION).body(Map.of("offenderId", id, "visitDate", "2999-01-01", "type", "HOME_VISIT", "outcome", "COMPLETED",
                        "announced", false))
                .post(BASE + "/visits").then().statusCode(422).body("errors[0].field", equalTo("visitDate"));
    }

    @Test
    void aBatchOfVisitsIsIdempotentAndRejectsOnlyItsBadItems() {
        String area = newArea("VBT");
        String one = register(offender(area));
        String two = register(offender(area));
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            items.add(Map.of("offenderId", i % 2 == 0 ? one : two, "visitDate", "2022-0" + (1 + i % 6) + "-1" + (i % 9),
                    "type", "HOME_VISIT", "outcome", "COMPLETED", "announced", false, "externalRef", "RMS-" + area + "-" + i));
        }
        List<Map<String, Object>> withBad = new ArrayList<>(items);
        withBad.add(Map.of("offenderId", one, "visitDate", "2022-01-01", "type", "HOME_VISIT", "outcome", "COMPLETED",
                "announced", false));
        withBad.add(Map.of("offenderId", one, "visitDate", "2022-01-01", "type", "SEANCE", "outcome", "COMPLETED",
                "announced", false, "externalRef", "X"));

        as(INTEGRATION).body(Map.of("items", withBad)).post(BASE + "/visits/batch").then().statusCode(200)
                .body("created", equalTo(20)).body("rejected", equalTo(2))
                .body("results[20].problems[0].field", equalTo("externalRef"))
                .body("results[21].problems[0].field", equalTo("type"));
        as(INTEGRATION).body(Map.of("items", items)).post(BASE + "/visits/batch").then().statusCode(200)
                .body("unchanged", equalTo(20)).body("results.result", everyItem(equalTo("unchanged")));

        Map<String, Object> changed = new HashMap<>(items.get(0));
        changed.put("outcome", "NO_ACCESS");
        as(INTEGRATION).body(Map.of("items", List.of(changed))).post(BASE + "/visits/batch").then().statusCode(200)
                .body("updated", equalTo(1)).body("results[0].externalRef", equalTo("RMS-" + area + "-0"));
        as(INTEGRATION).queryParam("offenderId", one).queryParam("size", 100).get(BASE + "/visits").then()
                .body("totalItems", equalTo(10));
    }

    @Test
    void aBatchReadsItsOffendersInAFewStatementsNotOnePerItem() {
        String area = newArea("BQC");
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Map<String, Object> facts = offender(area);
            String id = register(facts);
            // Half name their offender by PNC id, half by id: both are read up front.
            items.add(Map.of(i % 2 == 0 ? "pncId" : "offenderId", i % 2 == 0 ? facts.get("pncId") : id,
                    "visitDate", "2022-03-0" + (1 + i % 9), "type", "HOME_VISIT",
                    "outcome", "COMPLETED", "announced", false, "externalRef", "BQC-" + i));
        }
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        long before = statistics.getPrepareStatementCount();

        as(INTEGRATION).body(Map.of("items", items)).post(BASE + "/visits/batch").then().statusCode(200)
                .body("created", equalTo(60));

        // Every statement Hibernate sent: one look-up per item (by PNC id or by id) would be 60 or more.
        long statements = statistics.getPrepareStatementCount() - before;
        assertTrue(statements <= 10,
                "a batch of 60 visits by PNC id and by id should read its offenders in a few statements, took " + statements);
    }

    @Test
    void visitsAreListedNewestFirstWithinDates() {
        String id = register(offender(newArea("LSV")));
        visit(id, "2021-01-01", "HOME_VISIT", "COMPLETED");
        visit(id, "2021-06-01", "OTHER_CONTACT", "COMPLETED");
        visit(id, "2022-01-01", "HOME_VISIT", "NO_ACCESS");

        as(INTEGRATION).queryParam("offenderId", id).get(BASE + "/visits").then()
                .body("items.visitDate", contains("2022-01-01", "2021-06-01", "2021-01-01"));
        as(INTEGRATION).queryParam("offenderId", id).queryParam("from", "2021-03-01").queryParam("to", "2021-12-31")
                .get(BASE + "/visits").then().body("items.visitDate", contains("2021-06-01"));
        as(INTEGRATION).queryParam("from", "2022-01-01").queryParam("to", "2021-01-01").get(BASE + "/visits").then()
                .statusCode(400).body("errors[0].field", equalTo("to"));
    }
}
