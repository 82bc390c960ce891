package uk.police.oversight.web.pages;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestQuery;
import uk.police.oversight.web.api.Api;
import uk.police.oversight.web.api.ApiProblem;
import uk.police.oversight.web.security.Csrf;
import uk.police.oversight.web.security.Viewer;

/** An administrator's pages: the visit policy in force (and changing it), the performance thresholds, and the staff of each area. */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Viewer.ADMIN)
public class AdminPages {

    @Inject
    Api api;

    @Inject
    Template visitPolicy;

    @Inject
    Template thresholds;

    @Inject
    Template staff;

    @Inject
    Template changePolicy;

    @Inject
    Csrf csrf;

    @GET
    @Path("visit-policy")
    public TemplateInstance visitPolicy(@RestQuery String changed) {
        return visitPolicy.data("policy", api.map(api.get("/visit-policy"))).data("levels", SupervisorPages.RISK_LEVELS)
                .data("changed", "1".equals(changed));
    }

    @GET
    @Path("visit-policy/change")
    public TemplateInstance changePolicyForm() {
        Api.Tagged policy = api.getTagged("/visit-policy");
        Map<String, String> form = new LinkedHashMap<>();
        for (String level : SupervisorPages.RISK_LEVELS) {
            form.put("visit-" + level, policy.body().path("visitIntervalMonths").path(level).asText());
            form.put("review-" + level, policy.body().path("riskReviewIntervalMonths").path(level).asText());
        }
        form.put("firstVisitWithinDays", policy.body().path("firstVisitWithinDays").asText());
        form.put("escalateAfterDaysOverdue", policy.body().path("escalateAfterDaysOverdue").asText());
        return changePolicy.data("form", form).data("etag", policy.etag()).data("levels", SupervisorPages.RISK_LEVELS)
                .data("errors", List.of()).data("fieldErrors", Map.of());
    }

    /**
     * A new visit policy: every interval and both day counts, checked here against the API's ranges (and by the API
     * again), sent with the ETag the form was read with, so that a change made meanwhile is not overwritten.
     */
    @POST
    @Path("visit-policy/change")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changePolicy(MultivaluedMap<String, String> posted) {
        csrf.check(posted.getFirst(Csrf.FIELD));
        Map<String, String> form = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> visits = new LinkedHashMap<>();
        Map<String, Object> reviews = new LinkedHashMap<>();
        for (String level : SupervisorPages.RISK_LEVELS) {
            visits.put(level, whole(posted, form, errors, "visit-" + level, 1, 24,
                    "Home visits for " + Formats.words(level).toLowerCase(java.util.Locale.UK) + " risk", "months"));
            reviews.put(level, whole(posted, form, errors, "review-" + level, 1, 36,
                    "Risk reviews for " + Formats.words(level).toLowerCase(java.util.Locale.UK) + " risk", "months"));
        }
        Integer first = whole(posted, form, errors, "firstVisitWithinDays", 1, 365, "The first visit", "days");
        Integer escalate = whole(posted, form, errors, "escalateAfterDaysOverdue", 1, 365, "Telling supervisors", "days");
        String etag = posted.getFirst("etag");
        if (errors.isEmpty()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("visitIntervalMonths", visits);
            body.put("riskReviewIntervalMonths", reviews);
            body.put("firstVisitWithinDays", first);
            body.put("escalateAfterDaysOverdue", escalate);
            try {
                api.put("/visit-policy", body, etag);
                return Response.seeOther(URI.create("/admin/visit-policy?changed=1")).build();
            } catch (ApiProblem problem) {
                if (problem.status() == 412) {
                    errors.put("visit-VERY_HIGH", "Someone changed the policy after you opened this page. Check the policy now in force and make your change again");
                    etag = api.getTagged("/visit-policy").etag();
                } else if (problem.status() == 400 || problem.status() == 422) {
                    errors.put("visit-VERY_HIGH", problem.detail());
                } else {
                    throw problem;
                }
            }
        }
        return Response.status(400).entity(changePolicy.data("form", form).data("etag", etag).data("levels", SupervisorPages.RISK_LEVELS)
                .data("fieldErrors", errors).data("errors", Errors.summary(errors, Map.of()))).build();
    }

    /** A whole number between {@code min} and {@code max} from the form, or an error in the GOV.UK style. */
    private static Integer whole(MultivaluedMap<String, String> posted, Map<String, String> form, Map<String, String> errors, String field,
            int min, int max, String what, String unit) {
        String value = posted.getFirst(field) == null ? "" : posted.getFirst(field).strip();
        form.put(field, value);
        if (value.isEmpty()) {
            errors.put(field, "Enter the " + unit + " for " + what.substring(0, 1).toLowerCase(java.util.Locale.UK) + what.substring(1));
            return null;
        }
        try {
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                errors.put(field, what + " must be between " + min + " and " + max + " " + unit);
                return null;
            }
            return number;
        } catch (NumberFormatException e) {
            errors.put(field, what + " must be a whole number of " + unit);
            return null;
        }
    }

    @GET
    @Path("thresholds")
    public TemplateInstance thresholds() {
        Map<String, String> labels = new LinkedHashMap<>();
        ScrutinyPages.METRICS.forEach(m -> labels.put(m.name(), m.label()));
        return thresholds.data("thresholds", api.map(api.get("/performance-thresholds"))).data("labels", labels);
    }

    @GET
    @Path("staff")
    public TemplateInstance staff(@RestQuery String areaCode, @RestQuery Integer page) {
        JsonNode areas = api.get("/areas");
        List<String> codes = new java.util.ArrayList<>();
        areas.forEach(a -> codes.add(a.path("code").asText()));
        String area = areaCode != null && codes.contains(areaCode) ? areaCode : null;
        Map<String, Object> filters = Api.query("areaCode", area);
        Map<String, Object> query = new LinkedHashMap<>(filters);
        query.put("page", page == null || page < 1 ? 0 : page - 1);
        query.put("size", 50);
        JsonNode list = api.get("/staff", query);
        return staff.data("list", api.map(list)).data("areas", api.plain(areas)).data("area", area)
                .data("pages", Paging.of(list, "/admin/staff", filters));
    }
}
