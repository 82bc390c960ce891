package uk.police.oversight.offender.rest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.police.oversight.offender.ApiTest;
import uk.police.oversight.testing.TestTokens;

@QuarkusTest
class OffenderResourceTest extends ApiTest {

    @Test
    void registersAnOffenderWithItsPncNormalisedAndAnswersWithLocationAndETag() {
        String area = newArea("REG");
        String manager = newManager(area);
        Map<String, Object> body = offender("79/163001B", area, manager);
        body.put("address", Map.of("line1", "14 Harbour Row", "town", "Bristol", "postcode", "bs84rn"));
        Response created = register(body);

        created.then().statusCode(201)
                .header("Location", containsString("/api/v1/offenders/"))
                .header("ETag", equalTo("\"0\""))
                .body("pncId", equalTo("1979/0163001B"))
                .body("address.postcode", equalTo("BS8 4RN"))
                .body("managementMode", equalTo("ACTIVE"))
                .body("status", equalTo("IN_COMMUNITY"))
                .body("statusSince", equalTo("2019-03-01"));
        String id = created.path("id");
        as(ADMIN).get(created.header("Location")).then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void findsAnOffenderByPncIdInEveryAcceptedForm() {
        String area = newArea("PNC");
        String manager = newManager(area);
        String id = register(offender("2008/0056560Z", area, manager)).then().statusCode(201).extract().path("id");

        for (String form : List.of("2008/0056560Z", "08/56560Z", "0856560Z", "20080056560z")) {
            as(ADMIN).get(BASE + "/offenders/by-pnc/" + form).then().statusCode(200).body("id", equalTo(id));
        }
        as(ADMIN).urlEncodingEnabled(false).get(BASE + "/offenders/by-pnc/2008%2F0056560Z").then().statusCode(200)
                .body("id", equalTo(id));
        // A PNC id with a wrong check letter is well formed but invalid (422); text that is no PNC id is malformed (400).
        as(ADMIN).get(BASE + "/offenders/by-pnc/2008/0056560A").then().statusCode(422)
                .body("errors[0].field", equalTo("pncId"));
        as(ADMIN).get(BASE + "/offenders/by-pnc/not-a-pnc").then().statusCode(400)
                .body("errors[0].field", equalTo("pncId"));
    }

    @Test
    void aDuplicatePncIdConflicts() {
        String area = newArea("DUP");
        String manager = newManager(area);
        String pnc = newPnc();
        register(offender(pnc, area, manager)).then().statusCode(201);

        register(offender(pnc.substring(2), area, manager)).then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString(pnc));
    }

    @Test
    void listsWithFiltersPagingAndSort() {
        String area = newArea("LST");
        String manager = newManager(area);
        String otherManager = newManager(area);
        for (int i = 0; i < 5; i++) {
            Map<String, Object> body = offender(newPnc(), area, i < 3 ? manager : otherManager);
            body.put("lastName", "Zed" + i);
            body.put("riskLevel", i % 2 == 0 ? "HIGH" : "LOW");
            register(body).then().statusCode(201);
        }

        as(ADMIN).queryParam("areaCode", area).queryParam("size", 2).get(BASE + "/offenders").then().statusCode(200)
                .body("totalItems", equalTo(5)).body("totalPages", equalTo(3)).body("items", hasSize(2))
                .body("items.lastName", contains("Zed0", "Zed1"));
        as(ADMIN).queryParam("areaCode", area).queryParam("size", 2).queryParam("page", 2).get(BASE + "/offenders").then()
                .body("items.lastName", contains("Zed4"));
        as(ADMIN).queryParam("areaCode", area).queryParam("sort", "lastName,desc").get(BASE + "/offenders").then()
                .body("items.lastName", contains("Zed4", "Zed3", "Zed2", "Zed1", "Zed0"));
        as(ADMIN).queryParam("areaCode", area).queryParam("managerId", otherManager).get(BASE + "/offenders").then()
                .body("items.lastName", contains("Zed3", "Zed4"));
        as(ADMIN).queryParam("areaCode", area).queryParam("riskLevel", "LOW").get(BASE + "/offenders").then()
                .body("items.lastName", contains("Zed1", "Zed3"));
        as(ADMIN).queryParam("areaCode", area).queryParam("q", "zED2").get(BASE + "/offenders").then()
                .body("items.lastName", contains("Zed2"));
        as(ADMIN).queryParam("areaCode", area).queryParam("status", "IN_CUSTODY").get(BASE + "/offenders").then()
                .body("totalItems", equalTo(0));
    }

    @Test
    void aMergePatchChangesOnlyWhatItNamesAndMovesTheETag() {
        String area = newArea("PAT");
        String manager = newManager(area);
        String id = newOffender(area, manager);
        String etag = as(ADMIN).get(BASE + "/offenders/" + id).header("ETag");

        Response patched = as(ADMIN).contentType("application/merge-patch+json").header("If-Match", etag)
                .body("{\"visitIntervalMonths\": 2, \"address\": {\"line2\": \"Hotwells\"}, \"notificationEndsOn\": \"2029-03-01\"}")
                .patch(BASE + "/offenders/" + id);

        patched.then().statusCode(200)
                .body("visitIntervalMonths", equalTo(2))
                .body("address.line1", equalTo("14 Harbour Row"))
                .body("address.line2", equalTo("Hotwells"))
                .body("notificationEndsOn", equalTo("2029-03-01"))
                .body("firstName", equalTo("Jordan"));
        assertNotEquals(etag, patched.header("ETag"));

        as(ADMIN).contentType("application/merge-patch+json").body("{\"visitIntervalMonths\": null}")
                .patch(BASE + "/offenders/" + id).then().statusCode(200).body("visitIntervalMonths", nullValue());
    }

    @Test
    void aPatchBasedOnAStaleETagIsRefused() {
        String area = newArea("ETG");
        String id = newOffender(area, newManager(area));
        String etag = as(ADMIN).get(BASE + "/offenders/" + id).header("ETag");
        as(ADMIN).contentType("application/merge-patch+json").header("If-Match", etag).body("{\"firstName\": \"Jo\"}")
                .patch(BASE + "/offenders/" + id).then().statusCode(200);

        as(ADMIN).contentType("application/merge-patch+json").header("If-Match", etag).body("{\"firstName\": \"Joe\"}")
                .patch(BASE + "/offenders/" + id).then().statusCode(412)
                .contentType("application/problem+json");
        as(ADMIN).get(BASE + "/offenders/" + id).then().body("firstName", equalTo("Jo"));
    }

    @Test
    void riskAndStatusChangeThroughTheirOwnEndpointsNotPatch() {
        String area = newArea("RSK");
        String id = newOffender(area, newManager(area));
        String manager = TestTokens.manager("dc.risk", area);

        as(ADMIN).contentType("application/merge-patch+json").body("{\"riskLevel\": \"LOW\"}")
                .patch(BASE + "/offenders/" + id).then().statusCode(422)
                .body("errors[0].field", equalTo("riskLevel"))
                .body("errors[0].message", containsString("risk-assessments"));

        as(manager).body(Map.of("assessedOn", "2022-05-10", "riskLevel", "VERY_HIGH", "tool", "ARMS"))
                .post(BASE + "/offenders/" + id + "/risk-assessments").then().statusCode(201)
                .header("Location", containsString("/risk-assessments/"))
                .body("recordedBy", equalTo("dc.risk"));
        // An older assessment is kept but does not replace the current risk.
        as(manager).body(Map.of("assessedOn", "2021-01-10", "riskLevel", "LOW", "tool", "RM2000"))
                .post(BASE + "/offenders/" + id + "/risk-assessments").then().statusCode(201);
        as(manager).body(Map.of("status", "IN_CUSTODY", "effectiveOn", "2022-06-01", "reason", "Recalled to prison"))
                .post(BASE + "/offenders/" + id + "/status-changes").then().statusCode(201)
                .body("previousStatus", equalTo("IN_COMMUNITY"));

        as(manager).get(BASE + "/offenders/" + id).then()
                .body("riskLevel", equalTo("VERY_HIGH"))
                .body("lastRiskAssessmentOn", equalTo("2022-05-10"))
                .body("status", equalTo("IN_CUSTODY"))
                .body("statusSince", equalTo("2022-06-01"));
        as(manager).get(BASE + "/offenders/" + id + "/risk-assessments").then().statusCode(200)
                .body("assessedOn", contains("2022-05-10", "2021-01-10"));
        as(manager).get(BASE + "/offenders/" + id + "/status-changes").then().statusCode(200)
                .body("status", contains("IN_CUSTODY"));
        as(manager).body(Map.of("status", "IN_COMMUNITY", "effectiveOn", "2022-05-01", "reason", "Released"))
                .post(BASE + "/offenders/" + id + "/status-changes").then().statusCode(422)
                .body("errors[0].field", equalTo("effectiveOn"));
    }

    @Test
    void historyShowsWhoChangedWhatAndWhenWithBeforeAndAfter() {
        String area = newArea("HIS");
        String id = newOffender(area, newManager(area));
        String manager = TestTokens.manager("dc.history", area);
        as(manager).contentType("application/merge-patch+json").body("{\"visitIntervalMonths\": 2}")
                .patch(BASE + "/offenders/" + id).then().statusCode(200);
        as(manager).body(Map.of("assessedOn", "2022-05-10", "riskLevel", "MEDIUM", "tool", "ARMS"))
                .post(BASE + "/offenders/" + id + "/risk-assessments").then().statusCode(201);

        as(TestTokens.supervisor("ds.history", area)).get(BASE + "/offenders/" + id + "/history").then().statusCode(200)
                .body("change", contains("REGISTERED", "UPDATED", "RISK_ASSESSED"))
                .body("[0].actor", equalTo("admin-user"))
                .body("[0].after.pncId", notNullValue())
                .body("[1].actor", equalTo("dc.history"))
                .body("[1].before.visitIntervalMonths", nullValue())
                .body("[1].after.visitIntervalMonths", equalTo(2))
                .body("[2].before.riskLevel", equalTo("HIGH"))
                .body("[2].after.riskLevel", equalTo("MEDIUM"))
                .body("[2].at", notNullValue());
        // History is for supervisors and admin.
        as(manager).get(BASE + "/offenders/" + id + "/history").then().statusCode(403);
    }

    @Test
    void erasureNeedsAJustificationAndRemovesTheRecord() {
        String area = newArea("ERA");
        String id = newOffender(area, newManager(area));

        as(ADMIN).delete(BASE + "/offenders/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("X-Justification"));
        as(ADMIN).header("X-Justification", "Registered in error (wrong person)").delete(BASE + "/offenders/" + id)
                .then().statusCode(204);

        as(ADMIN).get(BASE + "/offenders/" + id).then().statusCode(404);
        List<com.fasterxml.jackson.databind.JsonNode> erasures = auditEntries(e -> names(e, id) && e.path("action").asText().equals("ERASE"), 1);
        assertEquals(1, erasures.size(), erasures::toString);
        assertEquals("Registered in error (wrong person)", erasures.get(0).path("justification").asText());
    }

    /**
     * An offender's manager is an active offender manager of the offender's own area, on every write path: someone
     * else could not read the record, and their emails would go out of area.
     */
    @Test
    void theManagerIsAnActiveOffenderManagerOfTheOffendersArea() {
        String area = newArea("MGR");
        String other = newArea("MGO");
        String manager = newManager(area);
        String elsewhere = newManager(other);
        String supervisor = newStaff(area, "SUPERVISOR");
        String leaver = newManager(area);
        as(ADMIN).contentType("application/merge-patch+json").body("{\"active\": false}").patch(BASE + "/staff/" + leaver)
                .then().statusCode(200);

        for (String wrong : List.of(elsewhere, supervisor, leaver)) {
            register(offender(newPnc(), area, wrong)).then().statusCode(422).body("errors[0].field", equalTo("managerId"));
        }
        Map<String, Object> byNumber = offender(newPnc(), area, null);
        byNumber.remove("managerId");
        byNumber.put("managerStaffNumber", as(ADMIN).get(BASE + "/staff/" + elsewhere).path("staffNumber"));
        register(byNumber).then().statusCode(422).body("errors[0].field", equalTo("managerStaffNumber"))
                .body("errors[0].message", containsString("is not an offender manager of area " + area));

        as(ADMIN).body(Map.of("items", List.of(offender(newPnc(), area, supervisor)))).post(BASE + "/offenders/batch")
                .then().statusCode(200).body("rejected", equalTo(1)).body("results[0].problems[0].field", equalTo("managerId"));

        String id = register(offender(newPnc(), area, manager)).then().statusCode(201).extract().path("id");
        // A move to another area comes with a manager of that area.
        as(ADMIN).contentType("application/merge-patch+json").body("{\"areaCode\": \"" + other + "\"}")
                .patch(BASE + "/offenders/" + id).then().statusCode(422).body("errors[0].field", equalTo("managerId"));
        as(ADMIN).contentType("application/merge-patch+json").body("{\"areaCode\": \"" + other + "\", \"managerId\": \"" + elsewhere + "\"}")
                .patch(BASE + "/offenders/" + id).then().statusCode(200).body("areaCode", equalTo(other));

        // A manager who holds a caseload stays an active offender manager of their area until it is handed over.
        for (String change : List.of("{\"active\": false}", "{\"role\": \"SUPERVISOR\"}", "{\"areaCode\": \"" + area + "\"}")) {
            as(ADMIN).contentType("application/merge-patch+json").body(change).patch(BASE + "/staff/" + elsewhere)
                    .then().statusCode(422).body("errors[0].message", containsString("manages 1 offender"));
        }
        as(ADMIN).contentType("application/merge-patch+json").body("{\"name\": \"DC Renamed\"}").patch(BASE + "/staff/" + elsewhere)
                .then().statusCode(200);
    }

    @Test
    void aManagerCanBeNamedByStaffNumber() {
        String area = newArea("NUM");
        String manager = newManager(area);
        String staffNumber = as(ADMIN).get(BASE + "/staff/" + manager).path("staffNumber");
        Map<String, Object> body = offender(newPnc(), area, null);
        body.remove("managerId");
        body.put("managerStaffNumber", staffNumber);

        register(body).then().statusCode(201).body("managerId", equalTo(manager));
        as(ADMIN).get(BASE + "/staff/" + manager + "/caseload").then().statusCode(200)
                .body("total", equalTo(1))
                .body("byRiskLevel.HIGH", equalTo(1))
                .body("activeInCommunity", equalTo(1))
                .body("offenders.items.managerId", hasItem(manager))
                .body("staff.staffNumber", endsWith(staffNumber.substring(2)));
    }
}
