package uk.police.oversight.web.pages;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestQuery;
import uk.police.oversight.web.api.Api;
import uk.police.oversight.web.security.Viewer;

/**
 * A supervisor's pages: the overdue visits and overdue risk reviews of their areas (filters, sort, paging, an as-of
 * date and a CSV download of the whole filtered list) and the caseload of each manager against the benchmark of 50.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Viewer.SUPERVISOR)
public class SupervisorPages {

    /** The caseload an offender manager should not exceed (SPEC section 3). */
    static final int CASELOAD_BENCHMARK = 50;
    static final List<String> RISK_LEVELS = List.of("VERY_HIGH", "HIGH", "MEDIUM", "LOW");
    static final List<String> BANDS = List.of("1-30", "31-90", "91-180", "181+");
    static final Map<String, String> VISIT_SORTS = sorts("daysOverdue", "Most overdue first", "dueOn", "Due date",
            "displayName", "Name", "riskLevel", "Risk level", "consecutiveNoAccess", "No-access visits in a row");
    static final Map<String, String> REVIEW_SORTS = sorts("daysOverdue", "Most overdue first", "reviewDueOn", "Review due date",
            "displayName", "Name", "riskLevel", "Risk level");

    @Inject
    Api api;

    @Inject
    Viewer viewer;

    @Inject
    Template overdueVisits;

    @Inject
    Template overdueReviews;

    @Inject
    Template caseloads;

    @GET
    @Path("overdue-visits")
    public TemplateInstance overdueVisits(@RestQuery String areaCode, @RestQuery String riskLevel, @RestQuery String band,
            @RestQuery String asOf, @RestQuery String sort, @RestQuery String managerId, @RestQuery Integer page) {
        Filters filters = filters(areaCode, riskLevel, band, asOf, sort, VISIT_SORTS).forManager(managerId);
        JsonNode list = api.get("/overdue-visits", filters.query(page == null ? 1 : page));
        JsonNode summary = api.get("/overdue-visits/summary", Api.query("areaCode", filters.area(), "asOf", filters.asOf()));
        return overdueVisits.data("filters", filters).data("list", api.map(list)).data("summary", api.map(summary))
                .data("pages", Paging.of(list, "/overdue-visits", filters.links())).data("options", options(VISIT_SORTS))
                .data("csv", Paging.link("/overdue-visits.csv", filters.links(), 1)).data("errors", filters.errors());
    }

    @GET
    @Path("overdue-visits.csv")
    @Produces("text/csv")
    public Response overdueVisitsCsv(@RestQuery String areaCode, @RestQuery String riskLevel, @RestQuery String band,
            @RestQuery String asOf, @RestQuery String sort, @RestQuery String managerId) {
        Filters filters = filters(areaCode, riskLevel, band, asOf, sort, VISIT_SORTS).forManager(managerId);
        return csv(api.download("/overdue-visits", filters.query(null), "text/csv"), "overdue-visits", filters);
    }

    @GET
    @Path("overdue-risk-reviews")
    public TemplateInstance overdueReviews(@RestQuery String areaCode, @RestQuery String riskLevel, @RestQuery String band,
            @RestQuery String asOf, @RestQuery String sort, @RestQuery Integer page) {
        Filters filters = filters(areaCode, riskLevel, band, asOf, sort, REVIEW_SORTS);
        JsonNode list = api.get("/overdue-risk-reviews", filters.query(page == null ? 1 : page));
        return overdueReviews.data("filters", filters).data("list", api.map(list))
                .data("pages", Paging.of(list, "/overdue-risk-reviews", filters.links())).data("options", options(REVIEW_SORTS))
                .data("csv", Paging.link("/overdue-risk-reviews.csv", filters.links(), 1)).data("errors", filters.errors());
    }

    @GET
    @Path("overdue-risk-reviews.csv")
    @Produces("text/csv")
    public Response overdueReviewsCsv(@RestQuery String areaCode, @RestQuery String riskLevel, @RestQuery String band,
            @RestQuery String asOf, @RestQuery String sort) {
        Filters filters = filters(areaCode, riskLevel, band, asOf, sort, REVIEW_SORTS);
        return csv(api.download("/overdue-risk-reviews", filters.query(null), "text/csv"), "overdue-risk-reviews", filters);
    }

    @GET
    @Path("caseloads")
    public TemplateInstance caseloads(@RestQuery String areaCode) {
        String area = chosenArea(areaCode);
        JsonNode summary = api.get("/overdue-visits/summary", Api.query("areaCode", area));
        JsonNode staff = api.get("/staff", Api.query("areaCode", area, "role", "OFFENDER_MANAGER", "size", 500));
        Map<String, JsonNode> figures = new LinkedHashMap<>();
        summary.path("byManager").forEach(m -> figures.put(m.path("managerId").asText(), m));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode person : staff.path("items")) {
            JsonNode f = figures.get(person.path("id").asText());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", person.path("name").asText());
            row.put("staffNumber", person.path("staffNumber").asText());
            row.put("active", person.path("active").asBoolean());
            long load = f == null ? 0 : f.path("caseload").asLong();
            row.put("caseload", load);
            row.put("inScope", f == null ? 0 : f.path("inScope").asLong());
            row.put("overdue", f == null ? 0 : f.path("overdue").asLong());
            row.put("over", load > CASELOAD_BENCHMARK);
            row.put("overdueLink", "/overdue-visits?areaCode=" + area + "&managerId=" + person.path("id").asText());
            rows.add(row);
        }
        rows.sort((a, b) -> Long.compare((Long) b.get("caseload"), (Long) a.get("caseload")));
        return caseloads.data("area", area).data("areas", viewer.areas()).data("rows", rows).data("benchmark", CASELOAD_BENCHMARK)
                .data("over", rows.stream().filter(r -> (Boolean) r.get("over")).count());
    }

    private Response csv(Api.Download download, String name, Filters filters) {
        String file = name + "-" + filters.area() + "-" + (filters.asOf() == null ? LocalDate.now(java.time.ZoneId.of("Europe/London")) : filters.asOf()) + ".csv";
        return Response.ok(download.body(), "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }

    /** The filters as given, each checked against what it may be (a value out of range is dropped, not sent on). */
    private Filters filters(String areaCode, String riskLevel, String band, String asOf, String sort, Map<String, String> sorts) {
        String area = chosenArea(areaCode);
        String risk = riskLevel != null && RISK_LEVELS.contains(riskLevel) ? riskLevel : null;
        String chosenBand = band != null && BANDS.contains(band) ? band : null;
        String date = null;
        String dateError = null;
        if (asOf != null && !asOf.isBlank()) {
            try {
                date = LocalDate.parse(asOf.strip()).toString();
            } catch (DateTimeParseException e) {
                dateError = "Enter the date as year-month-day, for example 2024-01-17";
            }
        }
        String chosenSort = sort != null && sorts.containsKey(sort.replace(",desc", "").replace(",asc", "")) ? sort : null;
        return new Filters(area, viewer.areas(), risk, chosenBand, date, asOf, dateError, chosenSort, null);
    }

    private String chosenArea(String areaCode) {
        List<String> areas = viewer.areas();
        if (areaCode != null && areas.contains(areaCode)) {
            return areaCode;
        }
        return areas.isEmpty() ? null : areas.get(0);
    }

    private static Map<String, String> sorts(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static List<Map<String, String>> options(Map<String, String> sorts) {
        List<Map<String, String>> list = new ArrayList<>();
        sorts.forEach((value, label) -> list.add(Map.of("value", value, "label", label)));
        return list;
    }

    /** The list's filters. {@code asOfText}: what the user typed, shown back with {@code asOfError} when it is not a date. */
    @io.quarkus.qute.TemplateData
    public record Filters(String area, List<String> areas, String riskLevel, String band, String asOf, String asOfText,
            String asOfError, String sort, String managerId) {

        /** The same filters for one manager's offenders (from the caseloads page); an id that is not a UUID is dropped. */
        Filters forManager(String id) {
            String manager = null;
            try {
                manager = id == null || id.isBlank() ? null : java.util.UUID.fromString(id).toString();
            } catch (IllegalArgumentException e) {
                manager = null;
            }
            return new Filters(area, areas, riskLevel, band, asOf, asOfText, asOfError, sort, manager);
        }

        public List<String> riskLevels() {
            return RISK_LEVELS;
        }

        public List<String> bands() {
            return BANDS;
        }

        Map<String, Object> query(Integer page) {
            Map<String, Object> query = new LinkedHashMap<>(links());
            if (page != null) {
                query.put("page", Math.max(0, page - 1));
                query.put("size", 25);
            }
            return query;
        }

        /** The filters as the query of a link (paging, CSV). */
        Map<String, Object> links() {
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("areaCode", area);
            query.put("riskLevel", riskLevel);
            query.put("band", band);
            query.put("asOf", asOf);
            query.put("sort", sort);
            query.put("managerId", managerId);
            return query;
        }

        /** The error summary's items: the as-of date, when it is not a date. */
        public List<Errors.Item> errors() {
            return asOfError == null ? List.of() : List.of(new Errors.Item(asOfError, "#asOf"));
        }

        public boolean filtered() {
            return riskLevel != null || band != null || asOf != null || managerId != null;
        }
    }

}
