package uk.police.oversight.assurance.rest;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.police.oversight.assurance.action.ActionSource;
import uk.police.oversight.assurance.action.ActionStatus;
import uk.police.oversight.assurance.action.Actions;
import uk.police.oversight.assurance.api.ActionRequest;
import uk.police.oversight.assurance.api.ActionUpdateRequest;
import uk.police.oversight.assurance.api.ActionView;
import uk.police.oversight.assurance.snapshot.Rag;
import uk.police.oversight.common.problem.ProblemException;
import uk.police.oversight.common.security.Roles;
import uk.police.oversight.common.web.Page;
import uk.police.oversight.common.web.PageParams;
import uk.police.oversight.common.web.PageRequest;

/** The action tracker reviewed item by item at the accountability meeting. */
@Path(ApiPaths.ACTIONS)
@Tag(name = "Actions")
public class ActionResource {

    private static final Map<String, String> SORTABLE = Map.of("dueOn", "dueOn", "reference", "reference",
            "changedAt", "changedAt", "createdAt", "createdAt");

    @Inject
    Actions actions;

    @Inject
    uk.police.oversight.assurance.action.ActionReminders reminders;

    @Inject
    java.time.Clock clock;

    @POST
    @Path("reminders")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "runActionReminders", summary = "Send the action reminders now",
            description = "Roles: admin. What the daily job does (ACTION_REMINDER_CRON): tells the owner of each open action "
                    + "that falls due within 14 days of `on`, or has passed its due date by then, through notification-service; "
                    + "each (action, kind, due date) once, so running it again, or after the job, sends nothing twice.")
    @APIResponse(responseCode = "200", description = "How many reminders were announced",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = uk.police.oversight.assurance.action.ActionReminders.Reminded.class)))
    @APIResponse(responseCode = "400", description = "A bad date")
    public uk.police.oversight.assurance.action.ActionReminders.Reminded remind(
            @QueryParam("on") @Parameter(description = "As of this day (default today, Europe/London)", example = "2023-03-17") LocalDate on) {
        LocalDate day = on == null ? LocalDate.now(clock) : on;
        if (day.getYear() < 1950 || day.getYear() > 2100) {
            throw ProblemException.badRequest("on", "must be a date between 1950 and 2100");
        }
        return reminders.remind(day);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SCRUTINY, Roles.ADMIN})
    @Operation(operationId = "createAction", summary = "Put an action on the tracker",
            description = "Roles: scrutiny, admin. From an HMICFRS recommendation or area for improvement, a cause of "
                    + "concern, the accountability meeting or an assurance panel; with an owner, a due date and, if it "
                    + "should close only when the figures show it, a closure criterion over consecutive MONTHLY snapshots.")
    @APIResponse(responseCode = "201", description = "The action",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ActionView.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON")
    @APIResponse(responseCode = "409", description = "An action with this reference exists")
    @APIResponse(responseCode = "422", description = "Invalid action (field errors)")
    public Response create(@NotNull @Valid ActionRequest body, @Context UriInfo uri) {
        ActionView created = actions.create(body);
        return Response.created(uri.getBaseUriBuilder().path(ApiPaths.ACTIONS).path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.SCRUTINY, Roles.ADMIN})
    @Operation(operationId = "listActions", summary = "The action tracker",
            description = "Roles: supervisor, scrutiny, admin. Filters status, rag, source, dueBefore and changedSince "
                    + "(what changed since the last meeting); sort dueOn (default), reference, changedAt or createdAt.")
    @APIResponse(responseCode = "200", description = "A page of actions")
    @APIResponse(responseCode = "400", description = "Bad filter or paging parameter")
    public Page<ActionView> list(
            @QueryParam("status") ActionStatus status,
            @QueryParam("rag") @Parameter(description = "Open actions rated so (a closed action has no RAG)") Rag rag,
            @QueryParam("source") ActionSource source,
            @QueryParam("dueBefore") @Parameter(description = "Due before this date", example = "2023-04-01") LocalDate dueBefore,
            @QueryParam("changedSince") @Parameter(description = "Created or updated on or after this date (Europe/London)",
                    example = "2022-11-01") LocalDate changedSince,
            @Valid @BeanParam PageParams paging) {
        for (LocalDate d : new LocalDate[] {dueBefore, changedSince}) {
            if (d != null && (d.getYear() < 1950 || d.getYear() > 2100)) {
                throw ProblemException.badRequest(d == dueBefore ? "dueBefore" : "changedSince", "must be a date between 1950 and 2100");
            }
        }
        return actions.list(new Actions.ActionFilter(status, rag, source, dueBefore, changedSince),
                PageRequest.of(paging, SORTABLE, "dueOn,asc"));
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.SCRUTINY, Roles.ADMIN})
    @Operation(operationId = "getAction", summary = "An action with its updates", description = "Roles: supervisor, scrutiny, admin.")
    @APIResponse(responseCode = "200", description = "The action",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ActionView.class)))
    @APIResponse(responseCode = "400", description = "Bad id")
    @APIResponse(responseCode = "404", description = "No such action")
    public ActionView get(@PathParam("id") UUID id) {
        return actions.get(id);
    }

    @POST
    @Path("{id}/updates")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.SCRUTINY, Roles.ADMIN})
    @Operation(operationId = "updateAction", summary = "Add an update to an action",
            description = "Roles: supervisor, scrutiny, admin; only scrutiny and admin close an action. Updates are "
                    + "never changed or removed. Closing an action whose closure criterion is not met by the latest "
                    + "MONTHLY snapshots is refused (422) unless the update gives an overrideReason.")
    @APIResponse(responseCode = "201", description = "The action with the update",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ActionView.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON or bad id")
    @APIResponse(responseCode = "403", description = "A supervisor closing an action")
    @APIResponse(responseCode = "404", description = "No such action")
    @APIResponse(responseCode = "422", description = "Invalid update, or closing while the criterion is not met")
    public Response update(@PathParam("id") UUID id, @NotNull @Valid ActionUpdateRequest body, @Context UriInfo uri) {
        ActionView updated = actions.update(id, body);
        return Response.status(Response.Status.CREATED)
                .location(uri.getBaseUriBuilder().path(ApiPaths.ACTIONS).path(id.toString()).build()).entity(updated).build();
    }
}
