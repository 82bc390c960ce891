package uk.police.oversight.offender.rest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.police.oversight.offender.ApiTest;
import uk.police.oversight.testing.TestTokens;

@QuarkusTest
class OffenderBatchTest extends ApiTest {

    @Test
    void sendingTheSameBatchTwiceChangesNothingTheSecondTime() {
        String area = newArea("BAT");
        String manager = newManager(area);
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            items.add(offender(newPnc(), area, manager));
        }

        as(INTEGRATION).body(Map.of("items", items)).post(BASE + "/offenders/batch").then().statusCode(200)
                .body("created", equalTo(50)).body("unchanged", equalTo(0))
                .body("results.result", everyItem(equalTo("created")));
        String historyBefore = as(ADMIN).queryParam("areaCode", area).queryParam("size", 500).get(BASE + "/offenders")
                .then().extract().body().asString();

        as(INTEGRATION).body(Map.of("items", items)).post(BASE + "/offenders/batch").then().statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(50))
                .body("results.result", everyItem(equalTo("unchanged")));

        String historyAfter = as(ADMIN).queryParam("areaCode", area).queryParam("size", 500).get(BASE + "/offenders")
                .then().extract().body().asString();
        org.junit.jupiter.api.Assertions.assertEquals(historyBefore, historyAfter, "a resent batch must not touch any record");
    }

    @Test
    void oneBadItemIsRejectedAndTheOthersGoIn() {
        String area = newArea("BAD");
        String manager = newManager(area);
        Map<String, Object> good1 = offender(newPnc(), area, manager);
        Map<String, Object> wrongCheckLetter = offender("2008/0056560A", area, manager);
        Map<String, Object> wrongType = offender(newPnc(), area, manager);
        wrongType.put("riskLevel", "EXTREME");
        Map<String, Object> unknownManager = offender(newPnc(), area, "00000000-0000-0000-0000-000000000000");
        Map<String, Object> good2 = offender(newPnc(), area, manager);

        as(INTEGRATION).body(Map.of("items", List.of(good1, wrongCheckLetter, wrongType, unknownManager, good2)))
                .post(BASE + "/offenders/batch").then().statusCode(200)
                .body("created", equalTo(2)).body("rejected", equalTo(3))
                .body("results.result", contains("created", "rejected", "rejected", "rejected", "created"))
                .body("results.index", contains(0, 1, 2, 3, 4))
                .body("results[1].problems[0].field", equalTo("pncId"))
                .body("results[1].problems[0].message", containsString("check letter"))
                .body("results[2].problems[0].field", equalTo("riskLevel"))
                .body("results[3].problems[0].field", equalTo("managerId"));
        as(ADMIN).queryParam("areaCode", area).get(BASE + "/offenders").then().body("totalItems", equalTo(2));
    }

    @Test
    void changedItemsAreUpdatedAndTheHistorySaysSo() {
        String area = newArea("UPD");
        String manager = newManager(area);
        Map<String, Object> item = offender(newPnc(), area, manager);
        String id = as(INTEGRATION).body(Map.of("items", List.of(item))).post(BASE + "/offenders/batch").then()
                .extract().path("results[0].id");

        item.put("lastName", "Renamed");
        item.put("pncId", ((String) item.get("pncId")).substring(2).replace("/", ""));
        as(INTEGRATION).body(Map.of("items", List.of(item))).post(BASE + "/offenders/batch").then().statusCode(200)
                .body("updated", equalTo(1)).body("results[0].id", equalTo(id));

        as(TestTokens.supervisor("ds.batch", area)).get(BASE + "/offenders/" + id + "/history").then()
                .body("change", contains("REGISTERED", "UPDATED"))
                .body("[1].actor", equalTo("force-records-system"))
                .body("[1].after.lastName", equalTo("Renamed"));
    }

    @Test
    void aPncIdTwiceInOneBatchIsRejectedTheSecondTime() {
        String area = newArea("TWI");
        String manager = newManager(area);
        String pnc = newPnc();
        as(INTEGRATION).body(Map.of("items", List.of(offender(pnc, area, manager), offender(pnc, area, manager))))
                .post(BASE + "/offenders/batch").then().statusCode(200)
                .body("results.result", contains("created", "rejected"))
                .body("results[1].problems[0].message", containsString("index 0"));
    }

    @Test
    void aBatchHoldsOneToAThousandItems() {
        as(INTEGRATION).body(Map.of("items", List.of())).post(BASE + "/offenders/batch").then().statusCode(422)
                .body("errors[0].field", equalTo("items"));
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(Map.of("pncId", "x"));
        }
        as(INTEGRATION).body(Map.of("items", tooMany)).post(BASE + "/offenders/batch").then().statusCode(422);
        as(INTEGRATION).body("{\"items\": [null, 3, \"x\"]}").post(BASE + "/offenders/batch").then().statusCode(200)
                .body("rejected", equalTo(3)).body("results", hasSize(3));
    }

    @Test
    void onlyIntegrationAndAdminMayUpsert() {
        String area = newArea("BRO");
        as(TestTokens.manager("dc.batch", area)).body(Map.of("items", List.of(Map.of("pncId", "x"))))
                .post(BASE + "/offenders/batch").then().statusCode(403);
    }
}
