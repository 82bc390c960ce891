package uk.police.oversight.offender.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.police.oversight.common.security.Roles;
import uk.police.oversight.offender.api.RiskAssessmentRequest;
import uk.police.oversight.offender.api.RiskAssessmentView;
import uk.police.oversight.offender.model.RiskAssessment;
import uk.police.oversight.offender.service.RiskAssessments;
import uk.police.oversight.offender.service.Views;

/** Risk assessments of one offender. */
@Path(ApiPaths.OFFENDERS + "/{id}/risk-assessments")
@Tag(name = "Risk assessments")
@Produces(MediaType.APPLICATION_JSON)
public class RiskAssessmentResource {

    @Inject
    RiskAssessments assessments;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFENDER_MANAGER, Roles.SUPERVISOR})
    @Operation(operationId = "recordRiskAssessment", summary = "Record a risk assessment",
            description = "Roles: offender-manager, supervisor (their areas only). The newest assessment sets the "
                    + "offender's riskLevel and lastRiskAssessmentOn; an older one is kept without changing them.")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RiskAssessmentView.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON or unknown value")
    @APIResponse(responseCode = "404", description = "No such offender in your areas")
    @APIResponse(responseCode = "422", description = "Invalid fields, e.g. a date in the future")
    public Response record(@PathParam("id") UUID id, @NotNull @Valid RiskAssessmentRequest body, UriInfo uri) {
        RiskAssessment assessment = assessments.record(id, body);
        return Response.created(uri.getAbsolutePathBuilder().path(assessment.id.toString()).build())
                .entity(Views.of(assessment)).build();
    }

    @GET
    @RolesAllowed({Roles.OFFENDER_MANAGER, Roles.SUPERVISOR, Roles.INTEGRATION, Roles.ADMIN})
    @Operation(operationId = "listRiskAssessments", summary = "An offender's risk assessments", description = "Roles: offender-manager, supervisor (their areas only), integration, admin. Newest first.")
    @APIResponse(responseCode = "200", description = "The assessments")
    @APIResponse(responseCode = "404", description = "No such offender in your areas")
    public List<RiskAssessmentView> list(@PathParam("id") UUID id) {
        return assessments.of(id);
    }

    @GET
    @Path("{recordId}")
    @RolesAllowed({Roles.OFFENDER_MANAGER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "getRiskAssessment", summary = "One risk assessment of an offender", description = "Same roles as the list.")
    @APIResponse(responseCode = "200", description = "The risk assessment")
    @APIResponse(responseCode = "404", description = "No such offender in your areas, or no such risk assessment")
    public RiskAssessmentView get(@PathParam("id") UUID id, @PathParam("recordId") UUID recordId) {
        return assessments.one(id, recordId);
    }
}
