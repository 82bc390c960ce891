package uk.police.oversight.visits.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.police.oversight.common.security.Roles;
import uk.police.oversight.common.web.ETags;
import uk.police.oversight.visits.api.VisitPolicyView;
import uk.police.oversight.visits.model.VisitPolicyRow;
import uk.police.oversight.visits.service.VisitPolicies;

/** The force's visit policy. */
@Path(ApiPaths.VISIT_POLICY)
@Tag(name = "Visit policy")
@Produces(MediaType.APPLICATION_JSON)
public class VisitPolicyResource {

    @Inject
    VisitPolicies policies;

    @GET
    @RolesAllowed({Roles.OFFENDER_MANAGER, Roles.SUPERVISOR, Roles.INTEGRATION, Roles.SCRUTINY, Roles.ADMIN})
    @Operation(operationId = "getVisitPolicy", summary = "The visit policy", description = "Roles: all.")
    @APIResponse(responseCode = "200", description = "The policy; ETag carries its version",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VisitPolicyView.class)))
    public Response get() {
        VisitPolicyRow row = policies.current();
        return Response.ok(VisitPolicies.view(row)).header(HttpHeaders.ETAG, ETags.of(row.version)).build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "replaceVisitPolicy", summary = "Replace the visit policy",
            description = "Roles: admin. Every interval for every risk level, and both day counts. Send If-Match with "
                    + "the ETag you read. The new policy applies to every list and summary at once, for any asOf.")
    @APIResponse(responseCode = "200", description = "The new policy",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VisitPolicyView.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON or unknown risk level")
    @APIResponse(responseCode = "412", description = "If-Match does not match")
    @APIResponse(responseCode = "422", description = "A missing or out-of-range value")
    public Response replace(@HeaderParam(HttpHeaders.IF_MATCH) @Size(max = 64) @Parameter(description = "ETag of the version the change is based on (optional: without it the change applies to whatever version is current)", example = "\"3\"") String ifMatch, @NotNull @Valid VisitPolicyView body) {
        VisitPolicyRow row = policies.replace(body, ifMatch);
        return Response.ok(VisitPolicies.view(row)).header(HttpHeaders.ETAG, ETags.of(row.version)).build();
    }
}
