package uk.police.oversight.offender.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.police.oversight.common.security.Roles;
import uk.police.oversight.common.web.ETags;
import uk.police.oversight.common.web.MergePatch;
import uk.police.oversight.common.web.Page;
import uk.police.oversight.common.web.PageParams;
import uk.police.oversight.common.web.PageRequest;
import uk.police.oversight.offender.api.StaffPatch;
import uk.police.oversight.offender.api.CaseloadView;
import uk.police.oversight.offender.api.OffenderView;
import uk.police.oversight.offender.api.StaffRequest;
import uk.police.oversight.offender.api.StaffView;
import uk.police.oversight.offender.model.Staff;
import uk.police.oversight.offender.model.StaffRole;
import uk.police.oversight.offender.service.Offenders;
import uk.police.oversight.offender.service.StaffDirectory;
import uk.police.oversight.offender.service.Views;

/** Offender managers and supervisors, and their caseloads. */
@Path(ApiPaths.STAFF)
@Tag(name = "Staff")
@Produces(MediaType.APPLICATION_JSON)
public class StaffResource {

    @Inject
    StaffDirectory staff;

    @Inject
    Offenders offenders;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createStaff", summary = "Add a staff member", description = "Roles: admin.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StaffRequest.class),
            examples = @ExampleObject(name = "manager", value = "{\"staffNumber\": \"BRS-0042\", \"name\": \"DC Alex Morgan\", "
                    + "\"email\": \"alex.morgan@force.police.example\", \"role\": \"OFFENDER_MANAGER\", \"areaCode\": \"BRS\"}")))
    @APIResponse(responseCode = "201", description = "Created; Location names the record",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StaffView.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON")
    @APIResponse(responseCode = "409", description = "The staff number is in use")
    @APIResponse(responseCode = "422", description = "Invalid fields or unknown area")
    public Response create(@NotNull StaffRequest body, UriInfo uri) {
        Staff created = staff.create(body);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id.toString()).build())
                .header(HttpHeaders.ETAG, ETags.of(created.version)).entity(Views.of(created)).build();
    }

    @GET
    @RolesAllowed({Roles.OFFENDER_MANAGER, Roles.SUPERVISOR, Roles.INTEGRATION, Roles.ADMIN})
    @Operation(operationId = "listStaff", summary = "List staff", description = "Roles: offender-manager, supervisor, integration, admin. "
            + "Sort fields: name (default), staffNumber, areaCode.")
    @APIResponse(responseCode = "200", description = "A page of staff")
    @APIResponse(responseCode = "400", description = "Bad paging, sort or filter parameter")
    public Page<StaffView> list(@QueryParam("areaCode") @Size(max = 20) String areaCode,
            @QueryParam("role") StaffRole role,
            @QueryParam("active") Boolean active,
            @Valid @BeanParam PageParams paging) {
        return staff.list(new StaffDirectory.Filter(areaCode, role, active),
                PageRequest.of(paging, StaffDirectory.SORTABLE, "name,asc"));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.OFFENDER_MANAGER, Roles.SUPERVISOR, Roles.INTEGRATION, Roles.ADMIN})
    @Operation(operationId = "getStaff", summary = "Get a staff member", description = "Roles: offender-manager, supervisor, integration, admin.")
    @APIResponse(responseCode = "200", description = "The staff member",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StaffView.class)))
    @APIResponse(responseCode = "404", description = "No such staff member")
    public Response get(@PathParam("id") UUID id) {
        Staff member = staff.get(id);
        return Response.ok(Views.of(member)).header(HttpHeaders.ETAG, ETags.of(member.version)).build();
    }

    @PATCH
    @Path("{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updateStaff", summary = "Change a staff member (JSON merge patch)",
            description = "Roles: admin. Send If-Match with the ETag you read. The staff number cannot change.")
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE,
            schema = @Schema(implementation = StaffPatch.class),
            examples = @ExampleObject(name = "leaver", value = "{\"active\": false}")))
    @APIResponse(responseCode = "200", description = "The changed staff member",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StaffView.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON or unknown field")
    @APIResponse(responseCode = "404", description = "No such staff member")
    @APIResponse(responseCode = "412", description = "If-Match does not match")
    @APIResponse(responseCode = "422", description = "Invalid fields")
    public Response patch(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) @Size(max = 64) @Parameter(description = "ETag of the version the change is based on (optional: without it the change applies to whatever version is current)", example = "\"3\"") String ifMatch, @NotNull JsonNode body) {
        Staff member = staff.patch(id, body, ifMatch);
        return Response.ok(Views.of(member)).header(HttpHeaders.ETAG, ETags.of(member.version)).build();
    }

    @GET
    @Path("{id}/caseload")
    @RolesAllowed({Roles.OFFENDER_MANAGER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "getCaseload", summary = "A staff member's caseload",
            description = "Roles: offender-manager, supervisor (offenders in their areas only), admin. Counts by risk "
                    + "and a page of the offenders they manage. Sort fields as for the offender list.")
    @APIResponse(responseCode = "200", description = "The caseload",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseloadView.class)))
    @APIResponse(responseCode = "400", description = "Bad paging or sort parameter")
    @APIResponse(responseCode = "404", description = "No such staff member")
    public CaseloadView caseload(@PathParam("id") UUID id, @Valid @BeanParam PageParams paging) {
        Staff member = staff.get(id);
        Page<OffenderView> page = offenders.list(new Offenders.Filter(null, member.id, null, null, null),
                PageRequest.of(paging, Offenders.SORTABLE, "lastName,asc"));
        var byRisk = offenders.countByRisk(member.id);
        long total = byRisk.values().stream().mapToLong(Long::longValue).sum();
        return new CaseloadView(Views.of(member), total, offenders.countActiveInCommunity(member.id), byRisk, page);
    }
}
