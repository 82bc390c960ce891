package uk.police.oversight.visits.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.police.oversight.common.security.Roles;
import uk.police.oversight.visits.api.RebuildView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import uk.police.oversight.visits.projection.ProjectionRebuild;
import uk.police.oversight.visits.scan.ComplianceScan;

/** Operations for admin: run the compliance scan now (for any date), rebuild the offender projection. */
@Path(ApiPaths.BASE)
@Tag(name = "Operations")
@Produces(MediaType.APPLICATION_JSON)
public class OperationsResource {

    @Inject
    ComplianceScan scan;

    @Inject
    ProjectionRebuild rebuild;

    @Inject
    Clock clock;

    @POST
    @Path("compliance-scans")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "runComplianceScan", summary = "Run the compliance scan now",
            description = "Roles: admin. Announces who is due soon, newly overdue, due an escalation or overdue a risk "
                    + "review as of the date (default today), each (offender, kind, due date) once however often it runs. "
                    + "It also runs by itself every hour, once per cluster.")
    @APIResponse(responseCode = "200", description = "How many of each were announced for the first time")
    @APIResponse(responseCode = "400", description = "Bad asOf")
    public ComplianceScan.ScanResult scan(
            @QueryParam("asOf") @Parameter(description = "The date to scan as of (default today)", example = "2022-06-30") LocalDate asOf) {
        return scan.scan(asOf == null ? LocalDate.now(clock) : asOf);
    }

    @POST
    @Path("projection/rebuild")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "rebuildProjection", summary = "Rebuild the offender projection",
            description = "Roles: admin. Asks offender-service to publish every offender again (a replay) and answers at "
                    + "once; the rebuild refreshes each row as the snapshots arrive (nothing is cleared first, so the lists "
                    + "stay whole), and when the replay is complete removes the rows of offenders it did not publish. "
                    + "Poll the Location until DONE; it survives a restart of either service. Visits are kept.")
    @APIResponse(responseCode = "202", description = "Started (or already under way); Location names the rebuild to poll",
            headers = @Header(name = "Location", description = "The rebuild: GET it to see how far it has got",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RebuildView.class)))
    @APIResponse(responseCode = "503", description = "offender-service did not answer; nothing was started")
    public Response rebuild(UriInfo uri) {
        RebuildView started = rebuild.request();
        return Response.accepted(started)
                .location(uri.getBaseUriBuilder().path(ApiPaths.BASE).path("projection/rebuilds").path(started.id().toString()).build())
                .build();
    }

    @GET
    @Path("projection/rebuilds/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "getProjectionRebuild", summary = "How far a projection rebuild has got",
            description = "Roles: admin. RUNNING (with the rows refreshed so far), DONE or FAILED.")
    @APIResponse(responseCode = "200", description = "The rebuild",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RebuildView.class)))
    @APIResponse(responseCode = "404", description = "No such rebuild")
    public RebuildView rebuildStatus(@PathParam("id") UUID id) {
        return rebuild.get(id);
    }
}
