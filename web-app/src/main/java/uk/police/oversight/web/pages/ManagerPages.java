package uk.police.oversight.web.pages;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import uk.police.oversight.web.api.Api;
import uk.police.oversight.web.api.ApiProblem;
import uk.police.oversight.web.security.Csrf;
import uk.police.oversight.web.security.Viewer;

/** An offender manager's pages: their caseload (due dates, overdue first), an offender's page, recording a visit. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class ManagerPages {

    @Inject
    Api api;

    @Inject
    Viewer viewer;

    @Inject
    Csrf csrf;

    @Inject
    Template caseload;

    @Inject
    Template offender;

    @Inject
    Template recordVisit;

    @GET
    @Path("caseload")
    @RolesAllowed(Viewer.MANAGER)
    public TemplateInstance caseload() {
        JsonNode me = self();
        // A whole caseload on one page (the benchmark is 50; the API's largest page is 500), so that the overdue come first.
        JsonNode load = api.get("/staff/" + me.get("id").asText() + "/caseload", Api.query("page", 0, "size", 500));
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> schedules = new ArrayList<>();
        List<Map<String, Object>> inCommunity = new ArrayList<>();
        for (JsonNode person : load.path("offenders").path("items")) {
            Map<String, Object> row = new LinkedHashMap<>(api.map(person));
            if ("IN_COMMUNITY".equals(person.path("status").asText())) {
                schedules.add("/schedules/" + person.get("id").asText());
                inCommunity.add(row);
            }
            rows.add(row);
        }
        // Each offender's schedule is visit-scheduler's (one source of truth for the rule), asked for all at once.
        List<JsonNode> answers = api.getEach(schedules);
        for (int i = 0; i < answers.size(); i++) {
            inCommunity.get(i).put("schedule", api.map(answers.get(i)));
        }
        rows.sort(Comparator.comparing((Map<String, Object> r) -> -overdueDays(r)).thenComparing(r -> dueOn(r)));
        return caseload.data("staff", api.map(me)).data("load", api.map(load)).data("rows", rows)
                .data("more", load.path("offenders").path("totalItems").asLong() > rows.size());
    }

    @GET
    @Path("offenders/{id}")
    @RolesAllowed({Viewer.MANAGER, Viewer.SUPERVISOR})
    public TemplateInstance offender(@PathParam("id") String id, @RestQuery String recorded) {
        String offenderId = uuid(id);
        JsonNode person = api.get("/offenders/" + offenderId);
        Map<String, Object> schedule = api.map(api.get("/schedules/" + offenderId));
        JsonNode visits = api.get("/visits", Api.query("offenderId", offenderId, "size", 20, "sort", "visitDate,desc"));
        JsonNode assessments = api.get("/offenders/" + offenderId + "/risk-assessments");
        // The record's history of changes is a supervisor's to read (the API's rule); a manager's page leaves it out.
        List<Object> recent = new ArrayList<>();
        if (viewer.is(Viewer.SUPERVISOR)) {
            JsonNode history = api.get("/offenders/" + offenderId + "/history");
            for (int h = history.size() - 1; h >= 0 && recent.size() < 10; h--) {
                recent.add(api.plain(history.get(h)));
            }
        }
        return offender.data("person", api.map(person)).data("schedule", schedule).data("visits", api.plain(visits.path("items")))
                .data("totalVisits", visits.path("totalItems").asLong()).data("assessments", api.plain(assessments))
                .data("history", recent).data("recorded", "1".equals(recorded));
    }

    @GET
    @Path("offenders/{id}/record-visit")
    @RolesAllowed({Viewer.MANAGER, Viewer.SUPERVISOR})
    public TemplateInstance visitForm(@PathParam("id") String id) {
        String offenderId = uuid(id);
        JsonNode person = api.get("/offenders/" + offenderId);
        return recordVisit.data("person", api.map(person)).data("form", new VisitForm(null, null, null, null, null, null, null))
                .data("errors", List.of()).data("fieldErrors", Map.of());
    }

    @POST
    @Path("offenders/{id}/record-visit")
    @RolesAllowed({Viewer.MANAGER, Viewer.SUPERVISOR})
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response recordVisit(@PathParam("id") String id, @RestForm String csrf, @RestForm("visitDate-day") String day,
            @RestForm("visitDate-month") String month, @RestForm("visitDate-year") String year, @RestForm String type,
            @RestForm String outcome, @RestForm String announced, @RestForm String notes) {
        this.csrf.check(csrf);
        String offenderId = uuid(id);
        VisitForm form = new VisitForm(day, month, year, type, outcome, announced, notes);
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        LocalDate date = form.date(fieldErrors);
        if (type == null || type.isBlank()) {
            fieldErrors.put("type", "Select the type of contact");
        }
        if (outcome == null || outcome.isBlank()) {
            fieldErrors.put("outcome", "Select the outcome");
        }
        if (announced == null || announced.isBlank()) {
            fieldErrors.put("announced", "Select whether the visit was announced");
        }
        if (notes != null && notes.length() > 4000) {
            fieldErrors.put("notes", "Notes must be 4,000 characters or fewer");
        }
        if (fieldErrors.isEmpty()) {
            JsonNode me = selfOrNull();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("offenderId", offenderId);
            body.put("visitDate", date.toString());
            body.put("type", type);
            body.put("outcome", outcome);
            body.put("announced", "yes".equals(announced));
            if (me != null) {
                body.put("officerId", me.get("id").asText());
            }
            if (notes != null && !notes.isBlank()) {
                body.put("notes", notes.strip());
            }
            try {
                api.post("/visits", body);
                return Response.seeOther(URI.create("/offenders/" + offenderId + "?recorded=1")).build();
            } catch (ApiProblem problem) {
                if (problem.status() != 400 && problem.status() != 422) {
                    throw problem;
                }
                problem.byField().forEach((field, message) -> fieldErrors.put(formField(field), message));
                if (fieldErrors.isEmpty()) {
                    fieldErrors.put("visitDate", problem.detail());
                }
            }
        }
        JsonNode person = api.get("/offenders/" + offenderId);
        return Response.status(400).entity(recordVisit.data("person", api.map(person)).data("form", form)
                .data("errors", Errors.summary(fieldErrors, Map.of("visitDate", "visitDate-day"))).data("fieldErrors", fieldErrors)).build();
    }

    /** The API's field name for a visit as the form's: visitDate, type, outcome, announced, notes. */
    private static String formField(String apiField) {
        return switch (apiField) {
            case "visitDate", "type", "outcome", "announced", "notes" -> apiField;
            default -> "visitDate";
        };
    }

    /** The signed-in manager's own staff record (their subject is their staff number). */
    JsonNode self() {
        JsonNode me = selfOrNull();
        if (me == null) {
            throw new ApiProblem(404, "No staff record with the staff number " + viewer.subject(), List.of());
        }
        return me;
    }

    private JsonNode selfOrNull() {
        for (String area : viewer.areas()) {
            JsonNode staff = api.get("/staff", Api.query("areaCode", area, "size", 500));
            for (JsonNode person : staff.path("items")) {
                if (viewer.subject().equalsIgnoreCase(person.path("staffNumber").asText())) {
                    return person;
                }
            }
        }
        return null;
    }

    static String uuid(String id) {
        try {
            return UUID.fromString(id).toString();
        } catch (IllegalArgumentException e) {
            throw new jakarta.ws.rs.NotFoundException();
        }
    }

    @SuppressWarnings("unchecked")
    private static long overdueDays(Map<String, Object> row) {
        Object schedule = row.get("schedule");
        if (schedule instanceof Map<?, ?> map && Boolean.TRUE.equals(map.get("overdue")) && map.get("daysOverdue") instanceof Number n) {
            return n.longValue();
        }
        return -1;
    }

    private static String dueOn(Map<String, Object> row) {
        Object schedule = row.get("schedule");
        if (schedule instanceof Map<?, ?> map && map.get("dueOn") != null) {
            return map.get("dueOn").toString();
        }
        return "9999-12-31";
    }

    /** What the form was given, to show it again with its errors. */
    @io.quarkus.qute.TemplateData
    public record VisitForm(String day, String month, String year, String type, String outcome, String announced, String notes) {

        LocalDate date(Map<String, String> errors) {
            if (blank(day) && blank(month) && blank(year)) {
                errors.put("visitDate", "Enter the date of the visit");
                return null;
            }
            if (blank(day) || blank(month) || blank(year)) {
                errors.put("visitDate", "The date of the visit must include a day, month and year");
                return null;
            }
            try {
                LocalDate date = LocalDate.of(Integer.parseInt(year.strip()), Integer.parseInt(month.strip()), Integer.parseInt(day.strip()));
                if (date.isAfter(LocalDate.now(java.time.ZoneId.of("Europe/London")))) {
                    errors.put("visitDate", "The date of the visit must be today or in the past");
                    return null;
                }
                if (year.strip().length() != 4) {
                    errors.put("visitDate", "The year must include 4 numbers");
                    return null;
                }
                return date;
            } catch (NumberFormatException | java.time.DateTimeException e) {
                errors.put("visitDate", "The date of the visit must be a real date");
                return null;
            }
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
        }
    }
}
