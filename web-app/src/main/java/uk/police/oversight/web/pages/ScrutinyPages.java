package uk.police.oversight.web.pages;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestQuery;
import uk.police.oversight.web.api.Api;
import uk.police.oversight.web.chart.Svg;
import uk.police.oversight.web.security.Viewer;

/**
 * The pages of those who hold the force to account (scrutiny: the PCC's office, inspectors, chief officers): the
 * compliance dashboard (RAG tiles, 13-month trends by area, backlog ageing), the action tracker, the assurance samples
 * and the monthly report pack. Aggregates only: nothing here names a person.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Viewer.SCRUTINY)
public class ScrutinyPages {

    /** The headline metrics, in the order the tiles show them, and how each is written. */
    static final List<Metric> METRICS = List.of(
            new Metric("overdue", "Offenders overdue a home visit", ""),
            new Metric("complianceRate", "Home visits on time", "%"),
            new Metric("oldestDaysOverdue", "Oldest overdue visit (days)", ""),
            new Metric("overdueRiskReviews", "Overdue risk reviews", ""),
            new Metric("reviewComplianceRate", "Risk reviews on time", "%"),
            new Metric("inScope", "Offenders due home visits", ""));
    static final List<String> STATUSES = List.of("AWAITING_ALLOCATION", "IN_PROGRESS", "PENDING_SIGN_OFF", "CLOSED");
    static final List<String> RAGS = List.of("RED", "AMBER", "GREEN");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

    /** A headline metric: the API's name, its label, and its unit. */
    @io.quarkus.qute.TemplateData
    public record Metric(String name, String label, String unit) {
    }

    @Inject
    Api api;

    @Inject
    Template compliance;

    @Inject
    Template actions;

    @Inject
    Template action;

    @Inject
    Template samples;

    @Inject
    Template sample;

    @Inject
    Template reportPack;

    @GET
    @Path("compliance")
    public TemplateInstance compliance(@RestQuery String areaCode) {
        JsonNode areas = api.get("/areas");
        List<String> codes = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        areas.forEach(a -> {
            codes.add(a.path("code").asText());
            names.put(a.path("code").asText(), a.path("name").asText());
        });
        String area = areaCode != null && codes.contains(areaCode) ? areaCode : null;
        List<Map<String, Object>> tiles = new ArrayList<>();
        for (Metric metric : METRICS) {
            JsonNode trend = api.get("/compliance-trends", Api.query("metric", metric.name(), "areaCode", area));
            Map<String, Object> tile = new LinkedHashMap<>(api.map(trend));
            tile.put("label", metric.label());
            tile.put("unit", metric.unit());
            tiles.add(tile);
        }
        List<Map<String, Object>> charts = new ArrayList<>();
        for (Metric metric : List.of(METRICS.get(0), METRICS.get(1))) {
            charts.add(areaChart(metric, area == null ? codes : List.of(area), names));
        }
        JsonNode backlog = api.get("/backlog-ageing", Api.query("areaCode", area));
        List<Svg.Bar> bars = new ArrayList<>();
        Map<String, Long> byBand = new LinkedHashMap<>();
        backlog.path("bands").forEach(b -> byBand.put(b.asText(), 0L));
        backlog.path("byRiskLevel").forEach(row -> row.path("byBand")
                .forEach(cell -> byBand.merge(cell.path("band").asText(), cell.path("overdue").asLong(), Long::sum)));
        byBand.forEach((band, count) -> bars.add(new Svg.Bar(band + " days", count)));
        String backlogSvg = Svg.bars("backlog-chart", "Overdue home visits by days overdue" + (area == null ? ", force-wide" : ", " + names.get(area)), bars);
        return compliance.data("tiles", tiles).data("charts", charts).data("area", area).data("areaName", area == null ? null : names.get(area))
                .data("areas", api.plain(areas)).data("backlog", api.map(backlog)).data("backlogSvg", backlogSvg).data("byBand", byBand);
    }

    /** A metric's last 13 monthly points per area: the chart, and the same figures as a table. */
    private Map<String, Object> areaChart(Metric metric, List<String> areas, Map<String, String> names) {
        List<String> months = new ArrayList<>();
        List<Svg.Series> series = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String area : areas) {
            JsonNode trend = api.get("/compliance-trends", Api.query("metric", metric.name(), "areaCode", area));
            List<Double> values = new ArrayList<>();
            List<String> areaMonths = new ArrayList<>();
            for (JsonNode point : trend.path("points")) {
                areaMonths.add(point.path("asOf").asText());
                // Rates are fractions in the API; the chart and its table show them as percentages.
                double scale = "%".equals(metric.unit()) ? 100 : 1;
                values.add(point.path("value").isNumber() ? point.path("value").asDouble() * scale : null);
            }
            if (areaMonths.size() > months.size()) {
                months = areaMonths;
            }
            series.add(new Svg.Series(names.getOrDefault(area, area), values));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("area", names.getOrDefault(area, area));
            row.put("values", values);
            rows.add(row);
        }
        List<String> labels = months.stream().map(m -> YearMonth.from(LocalDate.parse(m)).format(java.time.format.DateTimeFormatter.ofPattern("MMM yy", java.util.Locale.UK))).toList();
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("id", metric.name() + "-chart");
        chart.put("title", metric.label() + " by area, last 13 months");
        chart.put("svg", Svg.lines(metric.name() + "-chart", metric.label() + " by area, last 13 months", labels, series, metric.unit()));
        chart.put("months", labels);
        chart.put("rows", rows);
        chart.put("unit", metric.unit());
        return chart;
    }

    @GET
    @Path("actions")
    public TemplateInstance actions(@RestQuery String status, @RestQuery String rag, @RestQuery String changedSince, @RestQuery Integer page) {
        String chosenStatus = status != null && STATUSES.contains(status) ? status : null;
        String chosenRag = rag != null && RAGS.contains(rag) ? rag : null;
        String since = null;
        String sinceError = null;
        if (changedSince != null && !changedSince.isBlank()) {
            try {
                since = LocalDate.parse(changedSince.strip()).toString();
            } catch (DateTimeParseException e) {
                sinceError = "Enter the date as year-month-day, for example 2026-11-01";
            }
        }
        Map<String, Object> filters = Api.query("status", chosenStatus, "rag", chosenRag, "changedSince", since);
        Map<String, Object> query = new LinkedHashMap<>(filters);
        query.put("page", page == null || page < 1 ? 0 : page - 1);
        query.put("size", 25);
        JsonNode list = api.get("/actions", query);
        return actions.data("list", api.map(list)).data("pages", Paging.of(list, "/actions", filters)).data("status", chosenStatus)
                .data("rag", chosenRag).data("changedSince", changedSince).data("sinceError", sinceError).data("statuses", STATUSES)
                .data("rags", RAGS)
                .data("errors", sinceError == null ? List.of() : List.of(new Errors.Item(sinceError, "#changedSince")));
    }

    @GET
    @Path("actions/{id}")
    public TemplateInstance action(@PathParam("id") String id) {
        return action.data("action", api.map(api.get("/actions/" + ManagerPages.uuid(id))));
    }

    @GET
    @Path("samples")
    public TemplateInstance samples() {
        return samples.data("samples", api.plain(api.get("/assurance-samples")));
    }

    @GET
    @Path("samples/{id}")
    public TemplateInstance sample(@PathParam("id") String id) {
        String sampleId = ManagerPages.uuid(id);
        return sample.data("sample", api.map(api.get("/assurance-samples/" + sampleId)))
                .data("report", api.map(api.get("/assurance-samples/" + sampleId + "/report")));
    }

    @GET
    @Path("report-pack")
    public TemplateInstance reportPack(@RestQuery String month) {
        YearMonth last = YearMonth.now(ZoneId.of("Europe/London")).minusMonths(1);
        String chosen = month != null && MONTH.matcher(month).matches() ? month : last.toString();
        String error = month != null && !MONTH.matcher(month).matches() ? "Enter the month as year-month, for example " + last : null;
        List<String> recent = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            recent.add(last.minusMonths(i).toString());
        }
        return reportPack.data("month", chosen).data("error", error).data("recent", recent).data("typed", month)
                .data("errors", error == null ? List.of() : List.of(new Errors.Item(error, "#month")));
    }

    @GET
    @Path("report-pack/{file}")
    @Produces({"application/pdf", "text/html", "text/csv"})
    public Response download(@PathParam("file") String file) {
        var matcher = Pattern.compile("compliance-(\\d{4}-(?:0[1-9]|1[0-2]))\\.(pdf|html|csv)").matcher(file);
        if (!matcher.matches()) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        String accept = switch (matcher.group(2)) {
            case "pdf" -> "application/pdf";
            case "html" -> "text/html";
            default -> "text/csv";
        };
        Api.Download download = api.download("/reports/compliance", Api.query("month", matcher.group(1)), accept);
        // The pack's HTML keeps the narrow policy assurance-service sent with it (its own inline style, data: images).
        Response.ResponseBuilder answer = Response.ok(download.body(), download.contentType())
                .header("Content-Disposition", ("html".equals(matcher.group(2)) ? "inline" : "attachment") + "; filename=\"" + file + "\"");
        if (download.contentSecurityPolicy() != null) {
            answer.header("Content-Security-Policy", download.contentSecurityPolicy());
        }
        return answer.build();
    }
}
