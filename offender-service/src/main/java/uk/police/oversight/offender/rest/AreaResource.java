package uk.police.oversight.offender.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.police.oversight.common.problem.ProblemException;
import uk.police.oversight.common.security.Roles;
import uk.police.oversight.offender.api.AreaRequest;
import uk.police.oversight.offender.api.AreaView;
import uk.police.oversight.offender.service.Areas;
import uk.police.oversight.offender.service.Views;

/** Policing areas: everyone reads them, admin adds them. */
@Path(ApiPaths.AREAS)
@Tag(name = "Areas")
@Produces(MediaType.APPLICATION_JSON)
public class AreaResource {

    @Inject
    Areas areas;

    @GET
    @RolesAllowed({Roles.OFFENDER_MANAGER, Roles.SUPERVISOR, Roles.INTEGRATION, Roles.SCRUTINY, Roles.ADMIN})
    @Operation(operationId = "listAreas", summary = "List the policing areas", description = "Roles: all.")
    @APIResponse(responseCode = "200", description = "The areas, by code")
    public List<AreaView> list() {
        return areas.all().stream().map(Views::of).toList();
    }

    @GET
    @Path("{code}")
    @RolesAllowed({Roles.OFFENDER_MANAGER, Roles.SUPERVISOR, Roles.INTEGRATION, Roles.SCRUTINY, Roles.ADMIN})
    @Operation(operationId = "getArea", summary = "Get one policing area", description = "Roles: all.")
    @APIResponse(responseCode = "200", description = "The area")
    @APIResponse(responseCode = "404", description = "No such area")
    public AreaView get(@PathParam("code") @Size(max = 20) String code) {
        return areas.find(code).map(Views::of).orElseThrow(() -> ProblemException.notFound("Area", code));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createArea", summary = "Add a policing area", description = "Roles: admin.")
    @APIResponse(responseCode = "201", description = "Created; Location names it",
            content = @Content(schema = @Schema(implementation = AreaView.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON")
    @APIResponse(responseCode = "409", description = "An area with this code exists")
    @APIResponse(responseCode = "422", description = "Invalid fields")
    public Response create(@NotNull @Valid AreaRequest body, UriInfo uri) {
        AreaView area = Views.of(areas.create(body));
        return Response.created(uri.getAbsolutePathBuilder().path(area.code()).build()).entity(area).build();
    }
}
