package uk.police.oversight.assurance.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Variant;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.police.oversight.assurance.report.CsvReport;
import uk.police.oversight.assurance.report.HtmlReport;
import uk.police.oversight.assurance.report.PdfReport;
import uk.police.oversight.assurance.report.ReportPack;
import uk.police.oversight.assurance.report.ReportPacks;
import uk.police.oversight.common.problem.ProblemException;
import uk.police.oversight.common.problem.ProblemType;
import uk.police.oversight.common.security.Roles;

/** The monthly report pack for the accountability meeting: aggregates only, as PDF, HTML or CSV. */
@Path(ApiPaths.REPORTS)
@Tag(name = "Reports")
public class ReportResource {

    static final String PDF = "application/pdf";
    static final String CSV = "text/csv";
    private static final List<Variant> VARIANTS = Variant.mediaTypes(MediaType.valueOf(PDF), MediaType.TEXT_HTML_TYPE,
            MediaType.valueOf(CSV)).build();

    @Inject
    ReportPacks packs;

    @Inject
    HtmlReport html;

    @Inject
    Clock clock;

    @GET
    @Path("compliance")
    @Produces({PDF, MediaType.TEXT_HTML, CSV})
    @RolesAllowed({Roles.OFFENDER_MANAGER, Roles.SUPERVISOR, Roles.INTEGRATION, Roles.SCRUTINY, Roles.PANEL, Roles.ADMIN})
    @Operation(operationId = "getComplianceReportPack", summary = "The monthly report pack",
            description = "Roles: all; aggregates only. The paper for the PCC's accountability meeting: headline figures "
                    + "rated against the thresholds with the change since the previous month and the year before; charts of "
                    + "the last 13 months (overdue and compliance rate by area, overdue risk reviews); backlog ageing; "
                    + "actions RED, due within 28 days and closed in the month; the results of samples whose window ended "
                    + "in the month. Choose the format with Accept: application/pdf, text/html (one self-contained page) "
                    + "or text/csv (the same figures as rows). The month's MONTHLY snapshot is used, else a RECONSTRUCTED "
                    + "one for its last day, else for the current month its latest ON_DEMAND one.")
    @APIResponse(responseCode = "200", description = "The pack", content = {
        @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "Missing or malformed month, or a month in the future")
    @APIResponse(responseCode = "404", description = "No snapshot for that month")
    @APIResponse(responseCode = "406", description = "An Accept that is none of the three")
    public Response compliance(
            @QueryParam("month") @NotNull @jakarta.validation.constraints.Size(max = 7) @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])", message = "must be a month such as 2022-06")
            @Parameter(required = true, description = "The month, YYYY-MM", example = "2022-06") String month,
            @Context jakarta.ws.rs.core.Request request, @Context HttpHeaders headers) {
        YearMonth which = YearMonth.parse(month);
        if (which.isAfter(YearMonth.now(clock))) {
            throw ProblemException.badRequest("month", "must not be in the future");
        }
        if (which.getYear() < 1950) {
            throw ProblemException.badRequest("month", "must be 1950 or later");
        }
        Variant chosen = request.selectVariant(VARIANTS);
        if (chosen == null) {
            throw new ProblemException(ProblemType.NOT_ACCEPTABLE, "The pack comes as application/pdf, text/html or text/csv");
        }
        ReportPack pack = packs.of(which);
        String name = "compliance-report-" + which;
        String type = chosen.getMediaType().getType() + "/" + chosen.getMediaType().getSubtype();
        return switch (type) {
            case PDF -> Response.ok(PdfReport.render(pack), PDF)
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".pdf\"").build();
            case CSV -> Response.ok(CsvReport.render(pack), CSV + ";charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"").build();
            default -> Response.ok(html.render(pack), MediaType.TEXT_HTML + ";charset=UTF-8")
                    .header("Content-Security-Policy", HtmlReport.CONTENT_SECURITY_POLICY).build();
        };
    }
}
