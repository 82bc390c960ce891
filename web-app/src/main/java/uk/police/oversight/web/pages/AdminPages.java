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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestQuery;
import uk.police.oversight.web.api.Api;
import uk.police.oversight.web.security.Viewer;

/** An administrator's pages: the visit policy in force, the performance thresholds, and the staff of each area. */
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

    @GET
    @Path("visit-policy")
    public TemplateInstance visitPolicy() {
        return visitPolicy.data("policy", api.map(api.get("/visit-policy"))).data("levels", SupervisorPages.RISK_LEVELS);
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
