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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestForm;
import uk.police.oversight.web.api.Api;
import uk.police.oversight.web.api.ApiProblem;
import uk.police.oversight.web.security.Csrf;
import uk.police.oversight.web.security.Viewer;

/**
 * A lay panel member's pages: the samples they are a member of, each sample's cases, a case's pseudonymised file
 * (what the API gives a panel member: no name, PNC id, address or date of birth, no visit notes) and the findings
 * form. The API decides who may read which case file, and audits every read.
 */
@Path("/panel")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Viewer.PANEL)
public class PanelPages {

    static final List<String> GRADES = List.of("CONSISTENT", "APPROPRIATE_WITH_OBSERVATIONS", "INAPPROPRIATE", "NO_CONCLUSION");
    static final Map<String, String> GRADE_LABELS = Map.of(
            "CONSISTENT", "Consistent with the policy",
            "APPROPRIATE_WITH_OBSERVATIONS", "Appropriate, with observations",
            "INAPPROPRIATE", "Not appropriate",
            "NO_CONCLUSION", "No conclusion possible");
    static final List<String> FLAGS = List.of("VISIT_OVERDUE", "RISK_REVIEW_OVERDUE", "NO_ACCESS_NOT_FOLLOWED_UP", "INTERVAL_NOT_FOLLOWED",
            "RISK_LEVEL_QUESTIONED", "NO_UNANNOUNCED_VISITS", "RECORD_INCOMPLETE", "GOOD_PRACTICE");
    private static final Pattern CASE_REF = Pattern.compile("[A-Za-z0-9-]{1,40}");

    @Inject
    Api api;

    @Inject
    Csrf csrf;

    @Inject
    Template panelSamples;

    @Inject
    Template panelSample;

    @Inject
    Template caseFile;

    @GET
    public TemplateInstance samples() {
        return panelSamples.data("samples", api.plain(api.get("/assurance-samples")));
    }

    @GET
    @Path("samples/{id}")
    public TemplateInstance sample(@PathParam("id") String id) {
        return panelSample.data("sample", api.map(api.get("/assurance-samples/" + ManagerPages.uuid(id))));
    }

    @GET
    @Path("samples/{id}/cases/{caseRef}")
    public TemplateInstance caseFile(@PathParam("id") String id, @PathParam("caseRef") String caseRef,
            @org.jboss.resteasy.reactive.RestQuery String saved) {
        return casePage(ManagerPages.uuid(id), ref(caseRef), null, Map.of(), "1".equals(saved));
    }

    @POST
    @Path("samples/{id}/cases/{caseRef}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response finding(@PathParam("id") String id, @PathParam("caseRef") String caseRef, @RestForm String csrf,
            @RestForm String grade, @RestForm List<String> flags, @RestForm String observations) {
        this.csrf.check(csrf);
        String sampleId = ManagerPages.uuid(id);
        String ref = ref(caseRef);
        Map<String, String> errors = new LinkedHashMap<>();
        if (grade == null || !GRADES.contains(grade)) {
            errors.put("grade", "Select your finding for this case");
        }
        List<String> chosen = flags == null ? List.of() : flags.stream().filter(FLAGS::contains).distinct().toList();
        String text = observations == null ? "" : observations.strip();
        if (text.length() > 4000) {
            errors.put("observations", "Observations must be 4,000 characters or fewer");
        }
        if (errors.isEmpty()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("grade", grade);
            body.put("flags", chosen);
            if (!text.isEmpty()) {
                body.put("observations", text);
            }
            try {
                api.put("/assurance-samples/" + sampleId + "/cases/" + ref + "/finding", body, null);
                return Response.seeOther(URI.create("/panel/samples/" + sampleId + "/cases/" + ref + "?saved=1")).build();
            } catch (ApiProblem problem) {
                if (problem.status() != 400 && problem.status() != 422) {
                    throw problem;
                }
                problem.byField().forEach((field, message) -> errors.put(field.startsWith("flags") ? "flags"
                        : field.equals("observations") ? "observations" : "grade", message));
                if (errors.isEmpty()) {
                    errors.put("grade", problem.detail());
                }
            }
        }
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("grade", grade);
        typed.put("flags", chosen);
        typed.put("observations", observations);
        return Response.status(400).entity(casePage(sampleId, ref, typed, errors, false)).build();
    }

    private TemplateInstance casePage(String sampleId, String ref, Map<String, Object> typed, Map<String, String> errors, boolean saved) {
        JsonNode file = api.get("/assurance-samples/" + sampleId + "/cases/" + ref);
        Map<String, Object> form = new LinkedHashMap<>();
        JsonNode finding = file.path("finding");
        if (typed != null) {
            form.putAll(typed);
        } else if (finding.isObject()) {
            form.put("grade", finding.path("grade").asText(null));
            List<String> chosen = new ArrayList<>();
            finding.path("flags").forEach(f -> chosen.add(f.asText()));
            form.put("flags", chosen);
            form.put("observations", finding.path("observations").asText(""));
        } else {
            form.put("flags", List.of());
        }
        List<Map<String, Object>> grades = new ArrayList<>();
        for (String grade : GRADES) {
            grades.add(Map.of("value", grade, "label", GRADE_LABELS.get(grade), "checked", grade.equals(form.get("grade"))));
        }
        List<Map<String, Object>> flagOptions = new ArrayList<>();
        for (String flag : FLAGS) {
            flagOptions.add(Map.of("value", flag, "checked", ((List<?>) form.get("flags")).contains(flag)));
        }
        return caseFile.data("file", api.map(file)).data("sampleId", sampleId).data("form", form).data("grades", grades)
                .data("flags", flagOptions).data("fieldErrors", errors)
                .data("errors", Errors.summary(errors, Map.of("grade", "grade", "flags", "flags", "observations", "observations")))
                .data("saved", saved);
    }

    private static String ref(String caseRef) {
        if (caseRef == null || !CASE_REF.matcher(caseRef).matches()) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        return caseRef;
    }
}
