package uk.police.oversight.visits.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.police.oversight.common.batch.BatchResult;
import uk.police.oversight.common.problem.ProblemException;
import uk.police.oversight.common.security.Roles;
import uk.police.oversight.common.web.Page;
import uk.police.oversight.common.web.PageParams;
import uk.police.oversight.common.web.PageRequest;
import uk.police.oversight.visits.api.VisitBatchRequest;
import uk.police.oversight.visits.api.VisitRequest;
import uk.police.oversight.visits.api.VisitView;
import uk.police.oversight.visits.model.Visit;
import uk.police.oversight.visits.service.VisitBatch;
import uk.police.oversight.visits.service.Visits;

/** Recording and reading visits. */
@Path(ApiPaths.VISITS)
@Tag(name = "Visits")
@Produces(MediaType.APPLICATION_JSON)
public class VisitResource {

    static final String VISIT_EXAMPLE = """
            {"pncId": "79/163001B", "visitDate": "2022-06-14", "type": "HOME_VISIT", "outcome": "COMPLETED",
             "announced": false, "notes": "Address checked", "externalRef": "RMS-2022-000123"}""";

    @Inject
    Visits visits;

    @Inject
    VisitBatch batch;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFENDER_MANAGER, Roles.SUPERVISOR, Roles.INTEGRATION})
    @Operation(operationId = "recordVisit", summary = "Record a visit",
            description = "Roles: offender-manager and supervisor (offenders in their areas), integration. An offender "
                    + "registered moments ago is confirmed with offender-service, so a visit never fails for lag.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VisitRequest.class),
            examples = @ExampleObject(name = "home visit", value = VISIT_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Recorded; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VisitView.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, wrong type or unknown field")
    @APIResponse(responseCode = "422", description = "Invalid fields: a future date, an unknown offender (or one outside your areas)")
    @APIResponse(responseCode = "503", description = "offender-service could not confirm a new offender; retry")
    public Response record(@NotNull VisitRequest body, UriInfo uri) {
        Visit visit = visits.record(body);
        return Response.created(uri.getAbsolutePathBuilder().path(visit.id.toString()).build()).entity(VisitView.of(visit)).build();
    }

    @GET
    @RolesAllowed({Roles.OFFENDER_MANAGER, Roles.SUPERVISOR, Roles.INTEGRATION})
    @Operation(operationId = "listVisits", summary = "List visits",
            description = "Roles: offender-manager and supervisor (their areas only), integration. Sort fields: "
                    + "visitDate (default, newest first), recordedAt.")
    @APIResponse(responseCode = "200", description = "A page of visits")
    @APIResponse(responseCode = "400", description = "Bad paging, sort or filter parameter")
    public Page<VisitView> list(
            @QueryParam("offenderId") @Parameter(description = "Only this offender's visits") UUID offenderId,
            @QueryParam("from") @Parameter(description = "Visits on or after this date", example = "2022-01-01") LocalDate from,
            @QueryParam("to") @Parameter(description = "Visits on or before this date", example = "2022-06-30") LocalDate to,
            @Valid @BeanParam PageParams paging) {
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.badRequest("to", "must not be before from");
        }
        return visits.list(new Visits.Filter(offenderId, from, to), PageRequest.of(paging, Visits.SORTABLE, "visitDate,desc"));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.OFFENDER_MANAGER, Roles.SUPERVISOR, Roles.INTEGRATION})
    @Operation(operationId = "getVisit", summary = "Get a visit", description = "Roles: offender-manager and supervisor (their areas only), integration.")
    @APIResponse(responseCode = "200", description = "The visit",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VisitView.class)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID")
    @APIResponse(responseCode = "404", description = "No such visit in your areas")
    public VisitView get(@PathParam("id") UUID id) {
        return VisitView.of(visits.get(id));
    }

    @POST
    @Path("batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.INTEGRATION, Roles.ADMIN})
    @Operation(operationId = "upsertVisits", summary = "Upsert up to 1,000 visits",
            description = "Roles: integration, admin. Idempotent by (offender, visitDate, type, externalRef): each item is "
                    + "created, updated, left unchanged or rejected with its problems; one bad item never stops the others.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VisitBatchRequest.class),
            examples = @ExampleObject(name = "batch", value = "{\"items\": [" + VISIT_EXAMPLE + "]}")))
    @APIResponse(responseCode = "200", description = "One result per item, and the counts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BatchResult.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON")
    @APIResponse(responseCode = "413", description = "Body too large")
    @APIResponse(responseCode = "422", description = "No items, or more than 1,000")
    public BatchResult upsert(@NotNull @Valid VisitBatchRequest body) {
        return batch.upsert(body.items());
    }
}
