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
import uk.police.oversight.visits.api.RebuildResult;
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
    @Operation(operationId = "rebuildProjection", summary = "Rebuild the offender projection from scratch",
            description = "Roles: admin. Empties visit-scheduler's copy of the offender facts and asks offender-service "
                    + "to publish every offender again; the projection is whole again once those events are consumed "
                    + "(seconds for a force). Visits are kept.")
    @APIResponse(responseCode = "202", description = "Cleared and replay requested; the counts",
            content = @Content(schema = @Schema(implementation = RebuildResult.class)))
    @APIResponse(responseCode = "503", description = "offender-service did not answer; nothing was cleared")
    public Response rebuild() {
        return Response.accepted(rebuild.rebuild()).build();
    }
}
