package uk.police.oversight.assurance.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.police.oversight.assurance.api.CaseFileView;
import uk.police.oversight.assurance.api.FindingRequest;
import uk.police.oversight.assurance.api.FindingView;
import uk.police.oversight.assurance.api.SampleReportView;
import uk.police.oversight.assurance.api.SampleRequest;
import uk.police.oversight.assurance.api.SampleView;
import uk.police.oversight.assurance.sample.Samples;
import uk.police.oversight.common.security.Roles;

/** Assurance samples: the draw, the panel's pseudonymised case files, their findings and the aggregate report. */
@Path(ApiPaths.SAMPLES)
@Tag(name = "Assurance samples")
public class SampleResource {

    static final String CASE_REF = "[0-9a-f]{8}-[0-9]{2,4}";

    @Inject
    Samples samples;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SCRUTINY, Roles.ADMIN})
    @Operation(operationId = "drawAssuranceSample", summary = "Draw an assurance sample for a panel",
            description = "Roles: scrutiny, admin. Draws `size` offenders at random, reproducibly (sha256-rank-v1: anyone "
                    + "with the seed and the population draws the same cases, docs/assurance.md), from those registered by "
                    + "`population.to` and in the community on it, optionally only some areas, risk levels or the overdue, "
                    + "optionally stratified. The answer names the cases by pseudonym only; the named panel members may "
                    + "read their case files from accessFrom to accessUntil.")
    @APIResponse(responseCode = "201", description = "The sample drawn",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SampleView.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON")
    @APIResponse(responseCode = "422", description = "Invalid request (field errors)")
    @APIResponse(responseCode = "503", description = "visit-scheduler, which knows the population, is not answering")
    public Response draw(@NotNull @Valid SampleRequest body, @Context UriInfo uri) {
        SampleView drawn = samples.create(body);
        return Response.created(uri.getBaseUriBuilder().path(ApiPaths.SAMPLES).path(drawn.id().toString()).build())
                .entity(drawn).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SCRUTINY, Roles.PANEL, Roles.ADMIN})
    @Operation(operationId = "listAssuranceSamples", summary = "Assurance samples",
            description = "Roles: scrutiny and admin (every sample), panel (the samples naming them). Newest first.")
    @APIResponse(responseCode = "200", description = "The samples",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = SampleView.class)))
    public List<SampleView> list() {
        return samples.list();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SCRUTINY, Roles.PANEL, Roles.ADMIN})
    @Operation(operationId = "getAssuranceSample", summary = "An assurance sample",
            description = "Roles: scrutiny, admin, and the panel members it names (404 for any other panel member).")
    @APIResponse(responseCode = "200", description = "The sample",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SampleView.class)))
    @APIResponse(responseCode = "400", description = "Bad id")
    @APIResponse(responseCode = "404", description = "No such sample (or not yours)")
    public SampleView get(@PathParam("id") UUID id) {
        return samples.get(id);
    }

    @GET
    @Path("{id}/cases/{caseRef}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PANEL)
    @Operation(operationId = "getAssuranceCaseFile", summary = "A pseudonymised case file",
            description = "Roles: panel, and only a member of this sample on a day from accessFrom to accessUntil; 404 "
                    + "otherwise, as if there were none. What a lay reader needs to judge the case (risk level and history, "
                    + "visits by date and outcome, compliance with the schedule) and nothing that identifies the person: no "
                    + "name, PNC id, address, date of birth, offender id, staff name or free text. Every read is recorded in "
                    + "the audit trail as a consultation of that offender, justified by the sample.")
    @APIResponse(responseCode = "200", description = "The case file",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseFileView.class)))
    @APIResponse(responseCode = "400", description = "Bad id or case reference")
    @APIResponse(responseCode = "404", description = "No such sample or case, not yours, outside its window, or erased since")
    @APIResponse(responseCode = "503", description = "offender-service or visit-scheduler is not answering")
    public CaseFileView caseFile(@PathParam("id") UUID id,
            @PathParam("caseRef") @jakarta.validation.constraints.Size(max = 13) @Pattern(regexp = CASE_REF, message = "must be a case reference such as 1a2b3c4d-07") String caseRef) {
        return samples.caseFile(id, caseRef);
    }

    @PUT
    @Path("{id}/cases/{caseRef}/finding")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PANEL)
    @Operation(operationId = "recordAssuranceFinding", summary = "Record your finding on a case",
            description = "Roles: panel, a member of this sample in its window (404 otherwise). Replaces the case's "
                    + "finding: a grade, the flags that apply and the member's observations.")
    @APIResponse(responseCode = "200", description = "The finding recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FindingView.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, bad id or case reference")
    @APIResponse(responseCode = "404", description = "No such sample or case, not yours, or outside its window")
    @APIResponse(responseCode = "422", description = "Invalid finding (field errors)")
    public FindingView recordFinding(@PathParam("id") UUID id,
            @PathParam("caseRef") @jakarta.validation.constraints.Size(max = 13) @Pattern(regexp = CASE_REF, message = "must be a case reference such as 1a2b3c4d-07") String caseRef,
            @NotNull @Valid FindingRequest body) {
        return samples.recordFinding(id, caseRef, body);
    }

    @GET
    @Path("{id}/report")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SCRUTINY, Roles.PANEL, Roles.ADMIN})
    @Operation(operationId = "getAssuranceSampleReport", summary = "The sample's aggregate report",
            description = "Roles: scrutiny, admin, and the panel members it names. Cases reviewed, grades and flags "
                    + "counted, overall and per stratum; no observations and no case is singled out.")
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SampleReportView.class)))
    @APIResponse(responseCode = "400", description = "Bad id")
    @APIResponse(responseCode = "404", description = "No such sample (or not yours)")
    public SampleReportView report(@PathParam("id") UUID id) {
        return samples.report(id);
    }
}
