package uk.police.oversight.visits.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.police.oversight.common.problem.ProblemException;
import uk.police.oversight.common.security.Caller;
import uk.police.oversight.common.security.Roles;
import uk.police.oversight.common.web.Page;
import uk.police.oversight.common.web.PageParams;
import uk.police.oversight.common.web.PageRequest;
import uk.police.oversight.visits.api.OverdueRiskReviewPage;
import uk.police.oversight.visits.api.OverdueVisitPage;
import uk.police.oversight.visits.api.ScheduleView;
import uk.police.oversight.visits.compliance.Band;
import uk.police.oversight.visits.compliance.ComplianceQueries;
import uk.police.oversight.visits.api.ComplianceSummary;
import uk.police.oversight.visits.compliance.OverdueFilter;
import uk.police.oversight.visits.api.OverdueRiskReview;
import uk.police.oversight.visits.api.OverdueVisit;
import uk.police.oversight.visits.model.RiskLevel;
import uk.police.oversight.visits.service.Compliance;
import uk.police.oversight.visits.service.Schedules;

/** Schedules, overdue visits (JSON pages or a CSV export), overdue risk reviews and the compliance summary. */
@Path(ApiPaths.BASE)
@Tag(name = "Compliance")
public class ComplianceResource {

    static final String CSV = "text/csv";
    private static final String AS_OF = "The date to evaluate as of (default: today in Europe/London); past dates use "
            + "the offenders' current attributes and the visits on or before it";

    @Inject
    Compliance compliance;

    @Inject
    Schedules schedules;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @GET
    @Path("schedules/{offenderId}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFENDER_MANAGER, Roles.SUPERVISOR, Roles.INTEGRATION})
    @Operation(operationId = "getSchedule", summary = "An offender's visit schedule",
            description = "Roles: offender-manager, supervisor (their areas only), integration.")
    @APIResponse(responseCode = "200", description = "The schedule",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScheduleView.class)))
    @APIResponse(responseCode = "400", description = "Bad id or asOf")
    @APIResponse(responseCode = "404", description = "No such offender in your areas")
    public ScheduleView schedule(@PathParam("offenderId") UUID offenderId,
            @QueryParam("asOf") @Parameter(description = AS_OF, example = "2022-06-30") LocalDate asOf) {
        return schedules.of(offenderId, asOf(asOf));
    }

    @GET
    @Path("overdue-visits")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFENDER_MANAGER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "listOverdueVisits", summary = "Offenders overdue a home visit",
            description = "Roles: offender-manager and supervisor (their areas only), admin. Most overdue first. Sort "
                    + "fields: daysOverdue (default, desc), dueOn, lastVisitOn, displayName, pncId, areaCode, riskLevel, "
                    + "consecutiveNoAccess. Ask for text/csv to export the whole filtered list.")
    @APIResponse(responseCode = "200", description = "A page of overdue offenders; or, with Accept: text/csv, all of them",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OverdueVisitPage.class)),
                    @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING,
                            examples = "offenderId,pncId,displayName,riskLevel,areaCode,managerId,lastVisitOn,dueOn,daysOverdue,consecutiveNoAccess,warrantEligible"))})
    @APIResponse(responseCode = "400", description = "Bad filter, paging or sort parameter")
    public Page<OverdueVisit> overdue(@BeanParam OverdueParams params, @Valid @BeanParam PageParams paging) {
        return compliance.overdue(filter(params), PageRequest.of(paging, ComplianceQueries.OVERDUE_SORT, "daysOverdue,desc"));
    }

    @GET
    @Path("overdue-visits")
    @Produces(CSV)
    @RolesAllowed({Roles.OFFENDER_MANAGER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(hidden = true)
    public Response overdueCsv(@BeanParam OverdueParams params) {
        return Csv.download(OverdueVisit.class, List.of("offenderId", "pncId", "displayName", "riskLevel", "areaCode", "managerId",
                        "lastVisitOn", "dueOn", "daysOverdue", "consecutiveNoAccess", "warrantEligible"), compliance.export(filter(params)),
                "overdue-visits-" + asOf(params.asOf) + ".csv");
    }

    @GET
    @Path("overdue-visits/summary")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFENDER_MANAGER, Roles.SUPERVISOR, Roles.INTEGRATION, Roles.SCRUTINY, Roles.ADMIN})
    @Operation(operationId = "getOverdueSummary", summary = "Compliance figures",
            description = "Roles: all (offender-manager and supervisor: their areas only). In scope, overdue, "
                    + "compliance rate, the oldest overdue, overdue risk reviews, and breakdowns by area, risk level, band "
                    + "and manager (the per-manager breakdown is not given to scrutiny).")
    @APIResponse(responseCode = "200", description = "The figures",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ComplianceSummary.class)))
    @APIResponse(responseCode = "400", description = "Bad asOf or areaCode")
    public ComplianceSummary summary(
            @QueryParam("asOf") @Parameter(description = AS_OF, example = "2022-06-30") LocalDate asOf,
            @QueryParam("areaCode") @Size(max = 20) @Parameter(description = "Only this area", example = "BRS") String areaCode) {
        return compliance.summary(new OverdueFilter(asOf(asOf), caller.areaRestriction(), areaCode, null, null, null, null));
    }

    @GET
    @Path("community-offenders")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.INTEGRATION, Roles.ADMIN})
    @Operation(operationId = "listCommunityOffenders", summary = "Everyone in the community on a date",
            description = "Roles: integration, admin. Every offender in the community on asOf (registered by then, "
                    + "status IN_COMMUNITY since on or before it), either management mode, with their area, risk level "
                    + "and manager; with overdueOnly, only those overdue a home visit then: the population an assurance "
                    + "sample is drawn from (SPEC section 9). The whole list, ordered by offenderId, not paged; audited as "
                    + "a consultation of everyone in it.")
    @APIResponse(responseCode = "200", description = "Everyone in the community on the date",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = uk.police.oversight.visits.api.CommunityOffender.class)))
    @APIResponse(responseCode = "400", description = "Bad asOf")
    public List<uk.police.oversight.visits.api.CommunityOffender> community(
            @QueryParam("asOf") @Parameter(description = AS_OF, example = "2022-06-30") LocalDate asOf,
            @QueryParam("overdueOnly") @Parameter(description = "Only those overdue a home visit on asOf (never one managed reactively)")
            Boolean overdueOnly) {
        return compliance.community(asOf(asOf), Boolean.TRUE.equals(overdueOnly));
    }

    @GET
    @Path("overdue-risk-reviews")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFENDER_MANAGER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "listOverdueRiskReviews", summary = "Offenders in the community whose risk review is overdue",
            description = "Roles: offender-manager and supervisor (their areas only), admin. Most overdue first. Sort "
                    + "fields: daysOverdue (default, desc), reviewDueOn, displayName, pncId, areaCode, riskLevel. Ask for "
                    + "text/csv to export the whole filtered list.")
    @APIResponse(responseCode = "200", description = "A page of overdue risk reviews; or, with Accept: text/csv, all of them",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OverdueRiskReviewPage.class)),
                    @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING,
                            examples = "offenderId,pncId,displayName,riskLevel,areaCode,managerId,lastRiskAssessmentOn,reviewDueOn,daysOverdue"))})
    @APIResponse(responseCode = "400", description = "Bad filter, paging or sort parameter")
    public Page<OverdueRiskReview> overdueRiskReviews(@BeanParam OverdueParams params, @Valid @BeanParam PageParams paging) {
        return compliance.overdueRiskReviews(filter(params),
                PageRequest.of(paging, ComplianceQueries.REVIEW_SORT, "daysOverdue,desc"));
    }

    @GET
    @Path("overdue-risk-reviews")
    @Produces(CSV)
    @RolesAllowed({Roles.OFFENDER_MANAGER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(hidden = true)
    public Response overdueRiskReviewsCsv(@BeanParam OverdueParams params) {
        return Csv.download(OverdueRiskReview.class, List.of("offenderId", "pncId", "displayName", "riskLevel", "areaCode",
                        "managerId", "lastRiskAssessmentOn", "reviewDueOn", "daysOverdue"), compliance.exportRiskReviews(filter(params)),
                "overdue-risk-reviews-" + asOf(params.asOf) + ".csv");
    }

    private OverdueFilter filter(OverdueParams params) {
        Band band = null;
        if (params.band != null) {
            try {
                band = Band.fromLabel(params.band.strip());
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("band", "must be one of " + java.util.Arrays.stream(Band.values())
                        .map(Band::label).collect(java.util.stream.Collectors.joining(", ")));
            }
        }
        if (params.minDaysOverdue != null && (params.minDaysOverdue < 0 || params.minDaysOverdue > 100_000)) {
            throw ProblemException.badRequest("minDaysOverdue", "must be 0 to 100000");
        }
        if (params.areaCode != null && params.areaCode.length() > 20) {
            throw ProblemException.badRequest("areaCode", "must be at most 20 characters");
        }
        return new OverdueFilter(asOf(params.asOf), caller.areaRestriction(), params.areaCode, params.managerId,
                params.riskLevel, params.minDaysOverdue, band);
    }

    private LocalDate asOf(LocalDate asOf) {
        if (asOf == null) {
            return LocalDate.now(clock);
        }
        if (asOf.getYear() < 1950 || asOf.getYear() > 2100) {
            throw ProblemException.badRequest("asOf", "must be a date between 1950 and 2100");
        }
        return asOf;
    }

    /** The filters of the overdue lists. */
    public static class OverdueParams {

        @QueryParam("asOf")
        @Parameter(description = AS_OF, example = "2022-06-30")
        public LocalDate asOf;

        @QueryParam("areaCode")
        @Size(max = 20)
        @Parameter(description = "Only this area", example = "BRS")
        public String areaCode;

        @QueryParam("managerId")
        @Parameter(description = "Only this manager's caseload")
        public UUID managerId;

        @QueryParam("riskLevel")
        public RiskLevel riskLevel;

        @QueryParam("minDaysOverdue")
        @Min(0)
        @Max(100_000)
        @Parameter(description = "Only those at least this many days overdue", example = "90")
        public Integer minDaysOverdue;

        @QueryParam("band")
        @Parameter(description = "Only this band of days overdue", schema = @Schema(implementation = Band.class))
        public String band;
    }
}
