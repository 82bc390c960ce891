package uk.police.oversight.local.demo;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Loads the {@link DemoForce} into a running system the way a force's records system would: through the gateway's
 * public API, offenders and visits by the batch endpoints. Re-running it changes nothing (the batches are idempotent
 * upserts; areas and staff that exist are left alone).
 */
public final class DemoLoader {

    private static final int OFFENDER_BATCH = 500;
    private static final int VISIT_BATCH = 1000;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String api;
    private final String token;
    private final PrintStream out;

    /** {@code gateway}: the gateway's base URL; {@code adminToken}: a token with the admin role. */
    public DemoLoader(String gateway, String adminToken, PrintStream out) {
        this.api = gateway + "/api/v1";
        this.token = adminToken;
        this.out = out;
    }

    /** The demo's headline figures, as the system computes them. */
    public record Figures(LocalDate asOf, long inScope, long overdue, long oldestDaysOverdue, long overdueRiskReviews) {
    }

    /** True when the register already holds offenders: a second `up` keeps what is there. */
    public boolean registerHoldsOffenders() {
        return send("GET", "/offenders?size=1", null, 200).getJsonNumber("totalItems").longValue() > 0;
    }

    /** True when the register holds an offender with this PNC id. */
    public boolean holdsOffender(String pncId) {
        HttpResponse<String> response = exchange("GET", "/offenders/by-pnc/" + pncId.replace("/", ""), null);
        if (response.statusCode() != 200 && response.statusCode() != 404) {
            throw new IllegalStateException("GET /offenders/by-pnc answered " + response.statusCode() + ": " + response.body());
        }
        return response.statusCode() == 200;
    }

    /** Loads everything, runs today's compliance scan and digests, and answers the figures as of 2022-06-30. */
    public Figures load(DemoForce force) {
        for (DemoForce.Area area : force.areas()) {
            createUnlessPresent("/areas", Json.createObjectBuilder().add("code", area.code()).add("name", area.name()).build());
        }
        for (DemoForce.Staff person : force.staff()) {
            createUnlessPresent("/staff", Json.createObjectBuilder().add("staffNumber", person.staffNumber())
                    .add("name", person.name()).add("email", person.email()).add("role", person.role())
                    .add("areaCode", person.areaCode()).build());
        }
        progress("areas and staff", force.staff().size(), force.staff().size());
        upsertAll("offenders", "/offenders/batch", force.offenders(), OFFENDER_BATCH, DemoLoader::json, Duration.ZERO);
        // A visit names its offender by PNC id, which visit-scheduler knows once the offender's registration event has
        // reached it; items it does not know yet are sent again until it does.
        upsertAll("visits", "/visits/batch", force.visits(), VISIT_BATCH, DemoLoader::json, Duration.ofMinutes(3));
        JsonObject scan = send("POST", "/compliance-scans", null, 200);
        out.printf("    compliance scan as of today: %d due soon, %d overdue, %d escalations, %d risk reviews overdue%n",
                scan.getInt("dueSoon"), scan.getInt("overdue"), scan.getInt("escalated"), scan.getInt("riskReviewsOverdue"));
        return figures();
    }

    /** The first month end the demo's trend starts from. */
    public static final LocalDate TREND_FROM = LocalDate.of(2021, 1, 31);
    /** The demo sample's title and seed, and its panel member. */
    public static final String SAMPLE_TITLE = "Bristol panel dip-sample";
    public static final String SAMPLE_SEED = "demo-panel";
    public static final String PANEL_MEMBER = "panel-member";

    /**
     * What those who hold the force to account see from the first minute: a RECONSTRUCTED snapshot for each month end
     * from {@link #TREND_FROM} to last month (so the trend is there), three actions on the tracker (one with a closure
     * criterion) and one assurance sample for {@link #PANEL_MEMBER}. What is there already is left alone.
     */
    public void loadOversight(LocalDate today) {
        java.util.Set<String> taken = new java.util.HashSet<>();
        JsonArray existing = send("GET", "/compliance-snapshots?kind=RECONSTRUCTED&size=500", null, 200).getJsonArray("items");
        for (int i = 0; i < existing.size(); i++) {
            taken.add(existing.getJsonObject(i).getString("asOf"));
        }
        int made = 0;
        List<LocalDate> monthEnds = new ArrayList<>();
        for (java.time.YearMonth m = java.time.YearMonth.from(TREND_FROM); m.isBefore(java.time.YearMonth.from(today)); m = m.plusMonths(1)) {
            monthEnds.add(m.atEndOfMonth());
        }
        for (LocalDate monthEnd : monthEnds) {
            if (!taken.contains(monthEnd.toString())) {
                send("POST", "/compliance-snapshots", Json.createObjectBuilder().add("asOf", monthEnd.toString()).build(), 201);
                made++;
            }
            progress("month ends", monthEnds.indexOf(monthEnd) + 1, monthEnds.size());
        }
        JsonArray supervisors = send("GET", "/staff?areaCode=BRS&role=SUPERVISOR&size=1&sort=staffNumber,asc", null, 200).getJsonArray("items");
        String ownerId = supervisors.isEmpty() ? null : supervisors.getJsonObject(0).getString("id");
        createUnlessPresent("/actions", action("HMICFRS-2022-AFI-04", "HMICFRS_AFI", "Bring RSO home visits up to date",
                "HMICFRS found 217 registered sex offenders overdue a home visit, one of them eight months overdue, and "
                        + "151 overdue risk assessments. The force is to clear the backlog and keep it clear.",
                "Detective Superintendent, Public Protection", null, today.plusMonths(2), "IN_PROGRESS")
                .add("closureCriterion", Json.createObjectBuilder().add("metric", "complianceRate").add("better", "HIGHER")
                        .add("value", 0.95).add("consecutiveSnapshots", 3)).build());
        createUnlessPresent("/actions", action("PCP-" + today.getYear() + "-07", "ACCOUNTABILITY_MEETING",
                "Report on risk reviews overdue in Bristol", "The Commissioner asked for the Bristol figures and the "
                        + "plan to bring risk reviews up to date at the next accountability meeting.",
                "Bristol public protection supervisor", ownerId, today.plusDays(10), "IN_PROGRESS").build());
        createUnlessPresent("/actions", action("COC-" + (today.getYear() - 1) + "-02", "CAUSE_OF_CONCERN",
                "Unannounced visits for very high risk offenders", "Too few home visits to very high risk offenders are "
                        + "unannounced.", "Head of Public Protection", null, today.minusDays(20), "AWAITING_ALLOCATION").build());
        boolean sampled = false;
        HttpResponse<String> listed = exchange("GET", "/assurance-samples", null);
        if (listed.statusCode() != 200) {
            throw new IllegalStateException("GET /assurance-samples answered " + listed.statusCode() + ": " + listed.body());
        }
        try (JsonReader reader = Json.createReader(new StringReader(listed.body()))) {
            JsonArray all = reader.readArray();
            for (int i = 0; i < all.size(); i++) {
                sampled |= SAMPLE_TITLE.equals(all.getJsonObject(i).getString("title"));
            }
        }
        if (!sampled) {
            LocalDate to = today.minusDays(1);
            send("POST", "/assurance-samples", Json.createObjectBuilder().add("title", SAMPLE_TITLE)
                    .add("population", Json.createObjectBuilder().add("from", to.minusMonths(6).plusDays(1).toString())
                            .add("to", to.toString()).add("areaCodes", Json.createArrayBuilder().add("BRS")))
                    .add("size", 10).add("stratifyBy", "RISK_LEVEL").add("seed", SAMPLE_SEED)
                    .add("panelMembers", Json.createArrayBuilder().add(PANEL_MEMBER))
                    .add("accessFrom", today.toString()).add("accessUntil", today.plusDays(60).toString()).build(), 201);
        }
        out.printf("    oversight: %d month-end snapshots taken (%d there already), 3 actions, sample \"%s\" for %s%n",
                made, monthEnds.size() - made, SAMPLE_TITLE, PANEL_MEMBER);
    }

    private static JsonObjectBuilder action(String reference, String source, String title, String description, String owner,
            String ownerStaffId, LocalDate dueOn, String status) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("reference", reference).add("source", source).add("title", title)
                .add("description", description).add("owner", owner).add("dueOn", dueOn.toString()).add("status", status);
        if (ownerStaffId != null) {
            b.add("ownerStaffId", ownerStaffId);
        }
        return b;
    }

    /** The summary as of 2022-06-30, through the gateway. */
    public Figures figures() {
        JsonObject summary = send("GET", "/overdue-visits/summary?asOf=" + DemoForce.AS_OF, null, 200);
        return new Figures(DemoForce.AS_OF, summary.getJsonNumber("inScope").longValue(),
                summary.getJsonNumber("overdue").longValue(),
                summary.isNull("oldestDaysOverdue") ? 0 : summary.getJsonNumber("oldestDaysOverdue").longValue(),
                summary.getJsonNumber("overdueRiskReviews").longValue());
    }

    private void createUnlessPresent(String path, JsonObject body) {
        HttpResponse<String> response = exchange("POST", path, body.toString());
        if (response.statusCode() != 201 && response.statusCode() != 409) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private <T> void upsertAll(String what, String path, List<T> items, int batchSize, Function<T, JsonObject> json,
            Duration patience) {
        int done = 0;
        for (int from = 0; from < items.size(); from += batchSize) {
            List<JsonObject> batch = items.subList(from, Math.min(items.size(), from + batchSize)).stream().map(json).toList();
            Instant deadline = Instant.now().plus(patience);
            while (true) {
                List<JsonObject> rejected = upsert(path, batch);
                if (rejected.isEmpty()) {
                    break;
                }
                List<JsonObject> again = new ArrayList<>();
                for (JsonObject result : rejected) {
                    again.add(batch.get(result.getInt("index")));
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(rejected.size() + " " + what + " rejected by " + path + "; the first: "
                            + rejected.get(0));
                }
                batch = again;
                sleep(1000);
            }
            done = Math.min(items.size(), from + batchSize);
            progress(what, done, items.size());
        }
    }

    /** Sends one batch and answers the results that were rejected. */
    private List<JsonObject> upsert(String path, List<JsonObject> items) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        items.forEach(array::add);
        JsonObject answer = send("POST", path, Json.createObjectBuilder().add("items", array).build(), 200);
        JsonArray results = answer.getJsonArray("results");
        List<JsonObject> rejected = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            JsonObject result = results.getJsonObject(i);
            if ("rejected".equals(result.getString("result"))) {
                rejected.add(result);
            }
        }
        return rejected;
    }

    private void progress(String what, int done, int total) {
        out.printf("    %-16s %6d / %d%n", what, done, total);
    }

    private JsonObject send(String method, String path, JsonObject body, int expected) {
        HttpResponse<String> response = exchange(method, path, body == null ? null : body.toString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    private HttpResponse<String> exchange(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path))
                .timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .header("X-Justification", "Loading the demo force");
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if ((response.statusCode() == 429 || response.statusCode() == 503) && attempt < 10) {
                    sleep(1000L * Long.parseLong(response.headers().firstValue("Retry-After").orElse("1")));
                    continue;
                }
                return response;
            } catch (IOException e) {
                if (attempt >= 3) {
                    throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
                }
                sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted", e);
            }
        }
    }

    static JsonObject json(DemoForce.Offender o) {
        JsonObjectBuilder address = Json.createObjectBuilder().add("line1", o.address().line1())
                .add("town", o.address().town()).add("postcode", o.address().postcode());
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("pncId", o.pncId()).add("firstName", o.firstName()).add("lastName", o.lastName())
                .add("dateOfBirth", o.dateOfBirth().toString()).add("address", address)
                .add("mappaCategory", o.mappaCategory()).add("mappaLevel", o.mappaLevel())
                .add("riskLevel", o.riskLevel()).add("managementMode", o.managementMode())
                .add("status", o.status()).add("statusSince", o.statusSince().toString())
                .add("areaCode", o.areaCode()).add("managerStaffNumber", o.managerStaffNumber())
                .add("registeredOn", o.registeredOn().toString());
        if (o.notificationEndsOn() != null) {
            b.add("notificationEndsOn", o.notificationEndsOn().toString());
        }
        if (o.visitIntervalMonths() != null) {
            b.add("visitIntervalMonths", o.visitIntervalMonths());
        }
        if (o.lastRiskAssessmentOn() != null) {
            b.add("lastRiskAssessmentOn", o.lastRiskAssessmentOn().toString());
        }
        return b.build();
    }

    static JsonObject json(DemoForce.Visit v) {
        return Json.createObjectBuilder().add("pncId", v.pncId()).add("visitDate", v.visitDate().toString())
                .add("type", v.type()).add("outcome", v.outcome()).add("announced", v.announced())
                .add("notes", v.notes()).add("externalRef", v.externalRef()).build();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
