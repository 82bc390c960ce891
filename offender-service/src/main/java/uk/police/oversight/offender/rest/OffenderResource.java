package uk.police.oversight.offender.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.police.oversight.common.security.Roles;
import uk.police.oversight.common.web.ETags;
import uk.police.oversight.common.web.MergePatch;
import uk.police.oversight.common.web.Page;
import uk.police.oversight.common.web.PageParams;
import uk.police.oversight.common.web.PageRequest;
import uk.police.oversight.offender.api.OffenderPatch;
import uk.police.oversight.offender.api.BatchRequest;
import uk.police.oversight.common.batch.BatchResult;
import uk.police.oversight.offender.api.HistoryEntryView;
import uk.police.oversight.offender.api.OffenderRequest;
import uk.police.oversight.offender.api.OffenderView;
import uk.police.oversight.offender.api.ReplayView;
import uk.police.oversight.offender.model.EventReplay;
import uk.police.oversight.offender.service.EventReplays;
import uk.police.oversight.offender.model.Offender;
import uk.police.oversight.offender.model.OffenderStatus;
import uk.police.oversight.offender.model.RiskLevel;
import uk.police.oversight.offender.service.OffenderBatch;
import uk.police.oversight.offender.service.Offenders;
import uk.police.oversight.offender.service.Views;

/** Registered offenders: register, list, look up, merge-patch, batch upsert, history, erase. */
@Path(ApiPaths.OFFENDERS)
@Tag(name = "Offenders")
@Produces(MediaType.APPLICATION_JSON)
public class OffenderResource {

    static final String OFFENDER_EXAMPLE = """
            {"pncId": "79/163001B", "firstName": "Jordan", "lastName": "Hale", "dateOfBirth": "1979-04-12",
             "address": {"line1": "14 Harbour Row", "town": "Bristol", "postcode": "BS8 4RN"},
             "mappaCategory": 1, "mappaLevel": 1, "riskLevel": "HIGH", "areaCode": "BRS",
             "managerStaffNumber": "BRS-0042", "registeredOn": "2019-03-01"}""";

    @Inject
    Offenders offenders;

    @Inject
    OffenderBatch batch;

    @Inject
    EventReplays replays;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFENDER_MANAGER, Roles.SUPERVISOR, Roles.INTEGRATION, Roles.ADMIN})
    @Operation(operationId = "registerOffender", summary = "Register an offender",
            description = "Roles: offender-manager and supervisor (in their areas), integration, admin. "
                    + "The PNC id is accepted in any form and stored canonical.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = OffenderRequest.class),
            examples = @ExampleObject(name = "offender", value = OFFENDER_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Registered; Location names the record, ETag carries its version",
            headers = {@Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OffenderView.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, wrong type or unknown field")
    @APIResponse(responseCode = "409", description = "An offender with this PNC id is already registered")
    @APIResponse(responseCode = "422", description = "Invalid fields: bad PNC check letter, unknown manager or area, …")
    public Response register(@NotNull OffenderRequest body, UriInfo uri) {
        Offender offender = offenders.register(body);
        return Response.created(uri.getAbsolutePathBuilder().path(offender.id.toString()).build())
                .header(HttpHeaders.ETAG, ETags.of(offender.version))
                .entity(Views.of(offender)).build();
    }

    @GET
    @RolesAllowed({Roles.OFFENDER_MANAGER, Roles.SUPERVISOR, Roles.INTEGRATION, Roles.ADMIN})
    @Operation(operationId = "listOffenders", summary = "List offenders",
            description = "Roles: offender-manager and supervisor (their areas only), integration, admin. "
                    + "Sort fields: lastName (default), firstName, pncId, dateOfBirth, registeredOn, updatedAt.")
    @APIResponse(responseCode = "200", description = "A page of offenders")
    @APIResponse(responseCode = "400", description = "Bad paging, sort or filter parameter")
    public Page<OffenderView> list(
            @QueryParam("areaCode") @Size(max = 20) @Parameter(description = "Only this area", example = "BRS") String areaCode,
            @QueryParam("managerId") @Parameter(description = "Only this manager's offenders") UUID managerId,
            @QueryParam("riskLevel") RiskLevel riskLevel,
            @QueryParam("status") OffenderStatus status,
            @QueryParam("q") @Size(max = 100) @Parameter(description = "Part of a name, or a PNC id in any form", example = "hale") String q,
            @Valid @BeanParam PageParams paging) {
        return offenders.list(new Offenders.Filter(areaCode, managerId, riskLevel, status, q),
                PageRequest.of(paging, Offenders.SORTABLE, "lastName,asc"));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.OFFENDER_MANAGER, Roles.SUPERVISOR, Roles.INTEGRATION, Roles.ADMIN})
    @Operation(operationId = "getOffender", summary = "Get an offender", description = "Roles: offender-manager and supervisor (their areas only), integration, admin.")
    @APIResponse(responseCode = "200", description = "The offender; ETag carries the version for a later PATCH",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OffenderView.class)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID")
    @APIResponse(responseCode = "404", description = "No such offender in your areas")
    public Response get(@PathParam("id") UUID id) {
        return withETag(offenders.consult(id));
    }

    @GET
    @Path("by-pnc/{pncId: .+}")
    @RolesAllowed({Roles.OFFENDER_MANAGER, Roles.SUPERVISOR, Roles.INTEGRATION, Roles.ADMIN})
    @Operation(operationId = "getOffenderByPnc", summary = "Look an offender up by PNC id",
            description = "Roles: offender-manager and supervisor (their areas only), integration, admin. "
                    + "Any accepted form: 1979/0163001B, 79/163001B, 79163001B; the canonical form's slash may be "
                    + "percent-encoded (1979%2F0163001B), as generated clients send it.")
    @APIResponse(responseCode = "200", description = "The offender",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OffenderView.class)))
    @APIResponse(responseCode = "400", description = "Not in any PNC id form")
    @APIResponse(responseCode = "404", description = "No such offender in your areas")
    @APIResponse(responseCode = "422", description = "In a PNC id form, but its check letter or year is wrong")
    public Response byPnc(@PathParam("pncId") @Size(max = 20) @Parameter(example = "79/163001B") String pncId) {
        return withETag(offenders.consultByPnc(pncId));
    }

    @PATCH
    @Path("{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.OFFENDER_MANAGER, Roles.SUPERVISOR, Roles.INTEGRATION, Roles.ADMIN})
    @Operation(operationId = "updateOffender", summary = "Change an offender's record (JSON merge patch)",
            description = "Roles: offender-manager and supervisor (their areas only), integration, admin. "
                    + "Send If-Match with the ETag you read to be sure nobody changed the record meanwhile. Risk and "
                    + "status change through their own endpoints; null removes an optional field.")
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE,
            schema = @Schema(implementation = OffenderPatch.class),
            examples = @ExampleObject(name = "move", value = "{\"address\": {\"line1\": \"3 Mill Lane\", \"postcode\": \"BS3 1AA\"}, \"visitIntervalMonths\": 2}")))
    @APIResponse(responseCode = "200", description = "The changed offender, with its new ETag",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OffenderView.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON or unknown field")
    @APIResponse(responseCode = "404", description = "No such offender in your areas")
    @APIResponse(responseCode = "412", description = "If-Match does not match: the record changed since you read it")
    @APIResponse(responseCode = "415", description = "Not application/merge-patch+json or application/json")
    @APIResponse(responseCode = "422", description = "Invalid fields, or a field that only changes through another endpoint")
    public Response patch(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Size(max = 64) @Parameter(description = "ETag of the version the change is based on (optional: without it the change applies to whatever version is current)", example = "\"3\"") String ifMatch,
            @NotNull JsonNode body) {
        return withETag(offenders.patch(id, body, ifMatch));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "eraseOffender", summary = "Erase an offender's record",
            description = "Roles: admin. For a record that must not be kept (registered in error, retention ended). "
                    + "Removes the record, its assessments, status changes and history; the audit log keeps the fact. "
                    + "X-Justification is required.")
    @APIResponse(responseCode = "204", description = "Erased")
    @APIResponse(responseCode = "400", description = "No X-Justification header")
    @APIResponse(responseCode = "404", description = "No such offender")
    public void erase(@PathParam("id") UUID id,
            @HeaderParam("X-Justification") @Size(max = 500) @Parameter(description = "Why the record is erased (UTF-8, one line, at most 500 characters)", required = true) String justification) {
        offenders.erase(id);
    }

    @POST
    @Path("batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.INTEGRATION, Roles.ADMIN})
    @Operation(operationId = "upsertOffenders", summary = "Upsert up to 1,000 offenders by PNC id",
            description = "Roles: integration, admin. Idempotent: each item is created, updated or left unchanged; a bad "
                    + "item is rejected with its problems and never stops the others. An item is the whole record: an "
                    + "absent optional field is cleared, except status, statusSince, managementMode and "
                    + "lastRiskAssessmentOn, which keep their stored values when absent.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BatchRequest.class),
            examples = @ExampleObject(name = "batch", value = "{\"items\": [" + OFFENDER_EXAMPLE + "]}")))
    @APIResponse(responseCode = "200", description = "One result per item, and the counts")
    @APIResponse(responseCode = "400", description = "Malformed JSON")
    @APIResponse(responseCode = "413", description = "Body too large")
    @APIResponse(responseCode = "422", description = "No items, or more than 1,000")
    public BatchResult upsert(@NotNull @Valid BatchRequest body) {
        return batch.upsert(body.items());
    }

    @POST
    @Path("events/replay")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "replayOffenderEvents", summary = "Publish the current facts of every offender and staff member",
            description = "Roles: admin. For a consumer rebuilding its projection (see the runbook): a job that publishes "
                    + "one offender.snapshot event per offender, page by page, then one staff.changed event per staff "
                    + "member, then offender.replay-completed with the counts. It survives a restart and resumes where it "
                    + "stopped. One replay runs at a time: asking while one is queued or running answers that one.")
    @APIResponse(responseCode = "202", description = "Queued (or already under way); Location names the replay to poll",
            headers = @Header(name = "Location", description = "The replay: GET it to see how far it has got",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReplayView.class)))
    public Response replay(UriInfo uri) {
        EventReplay replay = replays.request();
        return Response.accepted(ReplayView.of(replay))
                .location(uri.getBaseUriBuilder().path(ApiPaths.OFFENDERS).path("events/replays").path(replay.id.toString()).build())
                .build();
    }

    @GET
    @Path("events/replays/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "getOffenderEventReplay", summary = "How far a replay has got",
            description = "Roles: admin. QUEUED, RUNNING (with the offenders published so far), DONE or FAILED.")
    @APIResponse(responseCode = "200", description = "The replay",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReplayView.class)))
    @APIResponse(responseCode = "404", description = "No such replay")
    public ReplayView replayStatus(@PathParam("id") UUID id) {
        return ReplayView.of(replays.get(id));
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "getOffenderHistory", summary = "An offender's history of changes", description = "Roles: supervisor (their areas only), admin. Oldest first.")
    @APIResponse(responseCode = "200", description = "Every change: who, when, the changed fields before and after")
    @APIResponse(responseCode = "404", description = "No such offender in your areas")
    public List<HistoryEntryView> history(@PathParam("id") UUID id) {
        return offenders.history(id);
    }

    private static Response withETag(Offender offender) {
        return Response.ok(Views.of(offender)).header(HttpHeaders.ETAG, ETags.of(offender.version)).build();
    }
}
