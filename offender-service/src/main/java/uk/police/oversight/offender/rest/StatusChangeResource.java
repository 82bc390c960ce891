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
import uk.police.oversight.offender.api.StatusChangeRequest;
import uk.police.oversight.offender.api.StatusChangeView;
import uk.police.oversight.offender.model.StatusChange;
import uk.police.oversight.offender.service.StatusChanges;
import uk.police.oversight.offender.service.Views;

/** Status changes of one offender. */
@Path(ApiPaths.OFFENDERS + "/{id}/status-changes")
@Tag(name = "Status changes")
@Produces(MediaType.APPLICATION_JSON)
public class StatusChangeResource {

    @Inject
    StatusChanges changes;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFENDER_MANAGER, Roles.SUPERVISOR, Roles.INTEGRATION})
    @Operation(operationId = "recordStatusChange", summary = "Record a change of status",
            description = "Roles: offender-manager, supervisor (their areas only), integration. Sets the offender's "
                    + "status and statusSince. A return to IN_COMMUNITY makes a visit due within firstVisitWithinDays.")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatusChangeView.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON or unknown status")
    @APIResponse(responseCode = "404", description = "No such offender in your areas")
    @APIResponse(responseCode = "422", description = "Invalid: date in the future, before the current status, or no change")
    public Response record(@PathParam("id") UUID id, @NotNull @Valid StatusChangeRequest body, UriInfo uri) {
        StatusChange change = changes.record(id, body);
        return Response.created(uri.getAbsolutePathBuilder().path(change.id.toString()).build())
                .entity(Views.of(change)).build();
    }

    @GET
    @RolesAllowed({Roles.OFFENDER_MANAGER, Roles.SUPERVISOR, Roles.INTEGRATION, Roles.ADMIN})
    @Operation(operationId = "listStatusChanges", summary = "An offender's status changes", description = "Roles: offender-manager, supervisor (their areas only), integration, admin. Newest first.")
    @APIResponse(responseCode = "200", description = "The status changes")
    @APIResponse(responseCode = "404", description = "No such offender in your areas")
    public List<StatusChangeView> list(@PathParam("id") UUID id) {
        return changes.of(id);
    }

    @GET
    @Path("{recordId}")
    @RolesAllowed({Roles.OFFENDER_MANAGER, Roles.SUPERVISOR, Roles.INTEGRATION, Roles.ADMIN})
    @Operation(operationId = "getStatusChange", summary = "One status change of an offender", description = "Same roles as the list.")
    @APIResponse(responseCode = "200", description = "The status change")
    @APIResponse(responseCode = "404", description = "No such offender in your areas, or no such status change")
    public StatusChangeView get(@PathParam("id") UUID id, @PathParam("recordId") UUID recordId) {
        return changes.one(id, recordId);
    }
}
