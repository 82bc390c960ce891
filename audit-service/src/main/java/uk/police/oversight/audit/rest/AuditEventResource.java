package uk.police.oversight.audit.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.police.oversight.common.audit.AuditAction;
import uk.police.oversight.common.audit.AuditOutcome;
import uk.police.oversight.common.problem.ProblemException;
import uk.police.oversight.common.security.Roles;
import uk.police.oversight.common.time.LondonClock;
import uk.police.oversight.common.web.Page;
import uk.police.oversight.common.web.PageParams;
import uk.police.oversight.common.web.PageRequest;
import uk.police.oversight.audit.api.AuditEventView;
import uk.police.oversight.audit.store.AuditQuery;

/** The audit log, for admin only. */
@Path("/api/v1/audit-events")
@Tag(name = "Audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditEventResource {

    @Inject
    AuditQuery audit;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "listAuditEvents", summary = "Search the audit log",
            description = "Roles: admin. Every consultation, alteration, disclosure and erasure of offender data by "
                    + "any service, and every refused attempt, newest first (sort=at,asc for oldest first). The log "
                    + "names offenders and staff, so reading it is itself a consultation, and is logged.")
    @APIResponse(responseCode = "200", description = "A page of audit events")
    @APIResponse(responseCode = "400", description = "Bad filter, paging or sort parameter, or a to that is not after from")
    public Page<AuditEventView> search(
            @QueryParam("offenderId") @Parameter(description = "Entries concerning this offender") UUID offenderId,
            @QueryParam("actor") @Size(max = 200) @Parameter(description = "Subject of the caller's token", example = "dc.morgan") String actor,
            @QueryParam("action") AuditAction action,
            @QueryParam("outcome") @Parameter(description = "REFUSED for the attempts that were refused") AuditOutcome outcome,
            @QueryParam("from") @Size(max = 35) @Parameter(description = "From this instant or date (inclusive)", example = "2022-06-01") String from,
            @QueryParam("to") @Size(max = 35) @Parameter(description = "Up to this instant or date (exclusive)", example = "2022-07-01") String to,
            @Valid @BeanParam PageParams paging) {
        Instant since = instant("from", from);
        Instant until = instant("to", to);
        if (since != null && until != null && !since.isBefore(until)) {
            throw ProblemException.badRequest("to", "must be after from");
        }
        return audit.search(new AuditQuery.Filter(offenderId, actor, action, outcome, since, until),
                PageRequest.of(paging, AuditQuery.SORTABLE, "at,desc"));
    }

    /** An ISO-8601 instant, or a date meaning its start in Europe/London. */
    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10
                    ? LocalDate.parse(value).atStartOfDay(LondonClock.LONDON).toInstant()
                    : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name, "must be a date (2022-06-30) or an ISO-8601 instant (2022-06-30T09:00:00Z)");
        }
    }
}
