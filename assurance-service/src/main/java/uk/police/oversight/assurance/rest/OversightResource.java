package uk.police.oversight.assurance.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.police.oversight.assurance.api.BacklogView;
import uk.police.oversight.assurance.api.SnapshotRequest;
import uk.police.oversight.assurance.api.SnapshotView;
import uk.police.oversight.assurance.api.TrendView;
import uk.police.oversight.assurance.snapshot.Backlog;
import uk.police.oversight.assurance.snapshot.Metric;
import uk.police.oversight.assurance.snapshot.SnapshotKind;
import uk.police.oversight.assurance.snapshot.SnapshotStore;
import uk.police.oversight.assurance.snapshot.Snapshots;
import uk.police.oversight.assurance.api.ThresholdsView;
import uk.police.oversight.assurance.snapshot.Thresholds;
import uk.police.oversight.assurance.snapshot.Trends;
import uk.police.oversight.assurance.upstream.Upstream;
import uk.police.oversight.common.problem.ProblemException;
import uk.police.oversight.common.security.Caller;
import uk.police.oversight.common.security.Roles;
import uk.police.oversight.common.web.Page;
import uk.police.oversight.common.web.PageParams;
import uk.police.oversight.common.web.PageRequest;

/** Compliance snapshots, trends, thresholds and backlog ageing: figures only, never a person. */
@Path(ApiPaths.BASE)
@Tag(name = "Oversight")
public class OversightResource {

    private static final String EVERYONE_DESCRIPTION = "Roles: all (offender-manager, supervisor, integration, scrutiny, panel, admin).";

    @Inject
    Snapshots snapshots;

    @Inject
    SnapshotStore store;

    @Inject
    Trends trends;

    @Inject
    Thresholds thresholds;

    @Inject
    Upstream upstream;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @POST
    @Path("compliance-snapshots")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SCRUTINY, Roles.ADMIN})
    @Operation(operationId = "takeComplianceSnapshot", summary = "Take a compliance snapshot",
            description = "Roles: scrutiny, admin. Freezes visit-scheduler's summary for a date: ON_DEMAND for today, "
                    + "RECONSTRUCTED for a past date (computed from the offenders' current attributes, and always labelled "
                    + "so). Snapshots are never changed or deleted; MONTHLY ones are taken by themselves at each month's end.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SnapshotRequest.class),
            examples = @org.eclipse.microprofile.openapi.annotations.media.ExampleObject(name = "reconstructed", value = "{\"asOf\": \"2022-06-30\"}")))
    @APIResponse(responseCode = "201", description = "The snapshot taken",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SnapshotView.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON")
    @APIResponse(responseCode = "422", description = "A date in the future")
    @APIResponse(responseCode = "503", description = "visit-scheduler, whose figures it freezes, is not answering")
    public Response take(@Valid SnapshotRequest body, @Context HttpHeaders headers, @Context UriInfo uri) {
        LocalDate asOf = body == null || body.asOf() == null ? LocalDate.now(clock) : body.asOf();
        if (asOf.getYear() < 1950) {
            throw ProblemException.invalid("asOf", "must be 1950 or later");
        }
        SnapshotView taken = snapshots.take(asOf, headers.getHeaderString(HttpHeaders.AUTHORIZATION), caller.requestId(), caller.subject());
        return Response.created(uri.getBaseUriBuilder().path(ApiPaths.SNAPSHOTS).path(taken.id().toString()).build()).entity(taken).build();
    }

    @GET
    @Path("compliance-snapshots")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFENDER_MANAGER, Roles.SUPERVISOR, Roles.INTEGRATION, Roles.SCRUTINY, Roles.PANEL, Roles.ADMIN})
    @Operation(operationId = "listComplianceSnapshots", summary = "Compliance snapshots", description = EVERYONE_DESCRIPTION
            + " Oldest first; filters from, to (as-of dates, inclusive) and kind.")
    @APIResponse(responseCode = "200", description = "A page of snapshots")
    @APIResponse(responseCode = "400", description = "Bad filter or paging parameter, or to before from")
    public Page<SnapshotView> list(
            @QueryParam("from") @Parameter(description = "As of this date or later", example = "2021-01-01") LocalDate from,
            @QueryParam("to") @Parameter(description = "As of this date or earlier", example = "2022-12-31") LocalDate to,
            @QueryParam("kind") SnapshotKind kind, @Valid @BeanParam PageParams paging) {
        LocalDate since = from == null ? LocalDate.of(1950, 1, 1) : from;
        LocalDate until = to == null ? LocalDate.of(2100, 12, 31) : to;
        if (until.isBefore(since)) {
            throw ProblemException.badRequest("to", "must not be before from");
        }
        PageRequest page = PageRequest.of(paging, java.util.Map.of("asOf", "asOf"), "asOf,asc");
        List<SnapshotView> all = store.list(since, until, kind);
        List<SnapshotView> ordered = new java.util.ArrayList<>(all);
        if (!page.ascending()) {
            java.util.Collections.reverse(ordered);
        }
        return page.pageOf(ordered.stream().skip(page.offset()).limit(page.size()).toList(), all.size());
    }

    @GET
    @Path("compliance-snapshots/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFENDER_MANAGER, Roles.SUPERVISOR, Roles.INTEGRATION, Roles.SCRUTINY, Roles.PANEL, Roles.ADMIN})
    @Operation(operationId = "getComplianceSnapshot", summary = "A compliance snapshot", description = EVERYONE_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The snapshot",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SnapshotView.class)))
    @APIResponse(responseCode = "400", description = "Bad id")
    @APIResponse(responseCode = "404", description = "No such snapshot")
    public SnapshotView get(@PathParam("id") UUID id) {
        return store.find(id).orElseThrow(() -> ProblemException.notFound("Snapshot", id));
    }

    @GET
    @Path("compliance-trends")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFENDER_MANAGER, Roles.SUPERVISOR, Roles.INTEGRATION, Roles.SCRUTINY, Roles.PANEL, Roles.ADMIN})
    @Operation(operationId = "getComplianceTrend", summary = "A metric's trend", description = EVERYONE_DESCRIPTION
            + " One point per month from the snapshots (the MONTHLY one, else a RECONSTRUCTED one for the month's last "
            + "day), rated against /performance-thresholds, with the change since the previous point and since the same "
            + "month a year before. Force-wide, or for one area or one risk level.")
    @APIResponse(responseCode = "200", description = "The trend",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrendView.class)))
    @APIResponse(responseCode = "400", description = "Missing or unknown metric, bad dates, or both areaCode and riskLevel")
    public TrendView trend(
            @QueryParam("metric") @NotNull @Parameter(required = true, description = "overdue, complianceRate, "
                    + "oldestDaysOverdue, overdueRiskReviews, reviewComplianceRate or inScope",
                    schema = @Schema(implementation = Metric.class)) Metric metric,
            @QueryParam("areaCode") @Size(max = 20) @Parameter(description = "Only this area", example = "SOM") String areaCode,
            @QueryParam("riskLevel") @Parameter(description = "Only this risk level",
                    schema = @Schema(enumeration = {"VERY_HIGH", "HIGH", "MEDIUM", "LOW"})) String riskLevel,
            @QueryParam("from") @Parameter(description = "Points as of this date or later (default: 13 months before to)", example = "2021-06-01") LocalDate from,
            @QueryParam("to") @Parameter(description = "Points as of this date or earlier (default today)", example = "2022-06-30") LocalDate to,
            @QueryParam("kind") @Parameter(description = "Only snapshots of this kind (every one of them, not one per month)") SnapshotKind kind) {
        if (areaCode != null && riskLevel != null) {
            throw ProblemException.badRequest("riskLevel", "give areaCode or riskLevel, not both");
        }
        if (riskLevel != null && !uk.police.oversight.assurance.sample.Samples.isRiskLevel(riskLevel)) {
            throw ProblemException.badRequest("riskLevel", "must be one of VERY_HIGH, HIGH, MEDIUM, LOW");
        }
        LocalDate until = to == null ? LocalDate.now(clock) : to;
        LocalDate since = from == null ? until.minusMonths(13) : from;
        if (until.isBefore(since)) {
            throw ProblemException.badRequest("to", "must not be before from");
        }
        if (since.getYear() < 1950 || until.getYear() > 2100) {
            throw ProblemException.badRequest("from", "dates must be between 1950 and 2100");
        }
        return trends.trend(metric, areaCode, riskLevel, since, until, kind);
    }

    @GET
    @Path("performance-thresholds")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFENDER_MANAGER, Roles.SUPERVISOR, Roles.INTEGRATION, Roles.SCRUTINY, Roles.PANEL, Roles.ADMIN})
    @Operation(operationId = "getPerformanceThresholds", summary = "The RAG thresholds", description = EVERYONE_DESCRIPTION
            + " A value at least as good as green is GREEN, at least as good as amber AMBER, else RED; a metric without "
            + "a threshold is not rated. The ETag is for the PUT.")
    @APIResponse(responseCode = "200", description = "The thresholds",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ThresholdsView.class)))
    public Response thresholds() {
        Thresholds.ThresholdSet set = thresholds.current();
        return Response.ok(new ThresholdsView(set.thresholds())).tag(new jakarta.ws.rs.core.EntityTag(Long.toString(set.version()))).build();
    }

    @PUT
    @Path("performance-thresholds")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SCRUTINY, Roles.ADMIN})
    @Operation(operationId = "replacePerformanceThresholds", summary = "Replace the RAG thresholds",
            description = "Roles: scrutiny, admin. The whole set, with the ETag you read in If-Match; a metric left out "
                    + "is no longer rated.")
    @APIResponse(responseCode = "200", description = "The thresholds now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ThresholdsView.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON")
    @APIResponse(responseCode = "412", description = "The thresholds have changed since you read them")
    @APIResponse(responseCode = "422", description = "A threshold that makes no sense (a rate above 1, amber better than green, …)")
    @APIResponse(responseCode = "428", description = "No If-Match")
    public Response replace(@NotNull @Valid ThresholdsView body,
            @HeaderParam("If-Match") @Size(max = 24) @Parameter(description = "The ETag of the thresholds you read", example = "\"1\"") String ifMatch) {
        Thresholds.ThresholdSet set = thresholds.replace(body.thresholds(), ifMatch, caller.subject());
        return Response.ok(new ThresholdsView(set.thresholds())).tag(new jakarta.ws.rs.core.EntityTag(Long.toString(set.version()))).build();
    }

    @GET
    @Path("backlog-ageing")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFENDER_MANAGER, Roles.SUPERVISOR, Roles.INTEGRATION, Roles.SCRUTINY, Roles.ADMIN})
    @Operation(operationId = "getBacklogAgeing", summary = "How old the backlog of overdue visits is",
            description = "Roles: offender-manager and supervisor (their areas), integration, scrutiny, admin. Overdue "
                    + "home visits by band of days overdue and risk level, the oldest per risk level, and the reactively "
                    + "managed counted apart, as of a date (default today), from visit-scheduler's figures.")
    @APIResponse(responseCode = "200", description = "The backlog",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BacklogView.class)))
    @APIResponse(responseCode = "400", description = "Bad asOf or areaCode")
    @APIResponse(responseCode = "503", description = "visit-scheduler is not answering")
    public BacklogView backlog(
            @QueryParam("asOf") @Parameter(description = "As of this date (default today)", example = "2022-06-30") LocalDate asOf,
            @QueryParam("areaCode") @Size(max = 20) @Parameter(description = "Only this area", example = "BRS") String areaCode,
            @Context HttpHeaders headers) {
        LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
        if (day.getYear() < 1950 || day.getYear() > 2100) {
            throw ProblemException.badRequest("asOf", "must be a date between 1950 and 2100");
        }
        Upstream.Summary summary = upstream.summary(headers.getHeaderString(HttpHeaders.AUTHORIZATION), caller.requestId(), day, areaCode);
        return Backlog.of(day, areaCode, summary.figures());
    }
}
