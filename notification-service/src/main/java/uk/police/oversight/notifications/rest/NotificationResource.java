package uk.police.oversight.notifications.rest;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.police.oversight.common.audit.AuditAction;
import uk.police.oversight.common.problem.ProblemException;
import uk.police.oversight.common.query.Conditions;
import uk.police.oversight.common.security.Caller;
import uk.police.oversight.common.security.Roles;
import uk.police.oversight.common.time.LondonClock;
import uk.police.oversight.common.web.Page;
import uk.police.oversight.common.web.PageParams;
import uk.police.oversight.common.web.PageRequest;
import uk.police.oversight.messaging.AuditTrail;
import uk.police.oversight.notifications.api.NotificationView;
import uk.police.oversight.notifications.model.Channel;
import uk.police.oversight.notifications.model.DeliveryStatus;
import uk.police.oversight.notifications.model.Notification;
import uk.police.oversight.notifications.model.NotificationType;

/** The delivery log: every notification, whom it went to, how, and whether it arrived. */
@Path(ApiPaths.NOTIFICATIONS)
@Tag(name = "Notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {

    static final Map<String, String> SORTABLE = Map.of("createdAt", "createdAt", "sentAt", "sentAt", "dueOn", "dueOn");

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    @GET
    @Transactional
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "listNotifications", summary = "The delivery log",
            description = "Roles: supervisor (notifications about their areas), admin. Newest first; sort fields "
                    + "createdAt (default), sentAt, dueOn. A PENDING notification is waiting or being retried; SENT and "
                    + "FAILED are final, FAILED with its lastError.")
    @APIResponse(responseCode = "200", description = "A page of notifications")
    @APIResponse(responseCode = "400", description = "Bad filter, paging or sort parameter")
    public Page<NotificationView> list(
            @QueryParam("recipientId") @Parameter(description = "Only to this staff member or webhook subscription") UUID recipientId,
            @QueryParam("type") NotificationType type,
            @QueryParam("status") DeliveryStatus status,
            @QueryParam("channel") Channel channel,
            @QueryParam("from") @Parameter(description = "Created on or after this date", example = "2022-06-01") LocalDate from,
            @QueryParam("to") @Parameter(description = "Created on or before this date", example = "2022-06-30") LocalDate to,
            @Valid @BeanParam PageParams paging) {
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.badRequest("to", "must not be before from");
        }
        PageRequest page = PageRequest.of(paging, SORTABLE, "createdAt,desc");
        Conditions where = Conditions.withinAreas(caller.areaRestriction(), "areaCode in :callerAreas")
                .and("recipientId = :recipient", "recipient", recipientId)
                .and("type = :type", "type", type)
                .and("status = :status", "status", status)
                .and("channel = :channel", "channel", channel)
                .and("createdAt >= :from", "from", from == null ? null : from.atStartOfDay(LondonClock.LONDON).toInstant())
                .and("createdAt < :to", "to", to == null ? null : to.plusDays(1).atStartOfDay(LondonClock.LONDON).toInstant());
        Sort.Direction direction = page.ascending() ? Sort.Direction.Ascending : Sort.Direction.Descending;
        PanacheQuery<Notification> query = Notification.find(where.where(),
                Sort.by(page.sortField(), direction, Sort.NullPrecedence.NULLS_LAST).and("id", direction), where.params());
        List<Notification> rows = query.page(page.page(), page.size()).list();
        audit.record(AuditAction.CONSULT, rows.stream().flatMap(n -> n.offenderIds.stream()).distinct().toList(),
                caller.requestLine());
        return page.pageOf(rows.stream().map(NotificationView::of).toList(), query.count());
    }

    @GET
    @Path("{id}")
    @Transactional
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "getNotification", summary = "One notification of the delivery log", description = "Roles: supervisor (their areas), admin.")
    @APIResponse(responseCode = "200", description = "The notification")
    @APIResponse(responseCode = "404", description = "No such notification in your areas")
    public NotificationView get(@PathParam("id") UUID id) {
        Notification notification = Notification.<Notification>findByIdOptional(id)
                .filter(n -> caller.canSeeArea(n.areaCode))
                .orElseThrow(() -> ProblemException.notFound("Notification", id));
        audit.record(AuditAction.CONSULT, notification.offenderIds, caller.requestLine());
        return NotificationView.of(notification);
    }
}
