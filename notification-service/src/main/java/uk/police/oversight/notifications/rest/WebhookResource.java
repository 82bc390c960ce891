package uk.police.oversight.notifications.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.police.oversight.common.problem.ProblemException;
import uk.police.oversight.common.security.Caller;
import uk.police.oversight.common.security.Roles;
import uk.police.oversight.notifications.api.WebhookRequest;
import uk.police.oversight.notifications.api.WebhookView;
import uk.police.oversight.notifications.model.DeliveryStatus;
import uk.police.oversight.notifications.model.Notification;
import uk.police.oversight.notifications.model.WebhookSubscription;
import uk.police.oversight.notifications.webhooks.WebhookTargets;

/** Force systems' webhook subscriptions, managed by admin. */
@Path(ApiPaths.WEBHOOKS)
@Tag(name = "Webhooks")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    WebhookTargets targets;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "listWebhooks", summary = "List webhook subscriptions", description = "Roles: admin. Secrets are never shown.")
    @APIResponse(responseCode = "200", description = "The subscriptions")
    public List<WebhookView> list() {
        return WebhookSubscription.<WebhookSubscription>listAll(io.quarkus.panache.common.Sort.by("createdAt"))
                .stream().map(WebhookView::of).toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "getWebhook", summary = "Get a webhook subscription", description = "Roles: admin.")
    @APIResponse(responseCode = "200", description = "The subscription, with its failure count and why it was disabled")
    @APIResponse(responseCode = "404", description = "No such subscription")
    public WebhookView get(@PathParam("id") UUID id) {
        return WebhookView.of(find(id));
    }

    @POST
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createWebhook", summary = "Subscribe a force system",
            description = "Roles: admin. The system receives each notification of the chosen types as a JSON POST "
                    + "(the CloudEvent), signed: X-Oversight-Signature is `sha256=` and the hex HMAC-SHA256, under the "
                    + "secret, of X-Oversight-Timestamp (Unix seconds), a full stop and the body; refuse a delivery whose "
                    + "timestamp is more than five minutes old. The URL's host must resolve to addresses webhooks may "
                    + "reach: never link-local or metadata addresses nor this system's own; loopback and private ranges "
                    + "only where the deployment allows them. A delivery answered with anything but 2xx is retried with backoff; after "
                    + "repeated failures the subscription is disabled, with the reason recorded.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookRequest.class),
            examples = @ExampleObject(name = "records system", value = "{\"url\": \"https://records.force.example/oversight/hooks\", "
                    + "\"eventTypes\": [\"OVERDUE\", \"ESCALATION\"], \"secret\": \"c2VjcmV0LXNoYXJlZC13aXRoLXRoZS1mb3JjZQ\"}")))
    @APIResponse(responseCode = "201", description = "Subscribed; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON or unknown notification type")
    @APIResponse(responseCode = "422", description = "Invalid url, types or secret")
    public Response create(@NotNull @Valid WebhookRequest body, UriInfo uri) {
        checkUrl(body.url());
        WebhookSubscription subscription = new WebhookSubscription();
        subscription.id = UUID.randomUUID();
        subscription.url = body.url().strip();
        subscription.eventTypes = body.eventTypes().stream().map(type -> type.notificationType().name()).sorted().toList();
        subscription.secret = body.secret();
        subscription.description = body.description();
        subscription.active = true;
        subscription.createdBy = caller.subject();
        subscription.createdAt = clock.instant();
        subscription.persist();
        return Response.created(uri.getAbsolutePathBuilder().path(subscription.id.toString()).build())
                .entity(WebhookView.of(subscription)).build();
    }

    @DELETE
    @Path("{id}")
    @Transactional
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "deleteWebhook", summary = "Unsubscribe a force system", description = "Roles: admin. Pending deliveries to it are failed.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such subscription")
    public void delete(@PathParam("id") UUID id) {
        WebhookSubscription subscription = find(id);
        Notification.update("status = ?1, lastError = ?2 where recipientId = ?3 and status = ?4", DeliveryStatus.FAILED,
                "The webhook subscription was deleted", subscription.id, DeliveryStatus.PENDING);
        subscription.delete();
    }

    private static WebhookSubscription find(UUID id) {
        return WebhookSubscription.<WebhookSubscription>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Webhook subscription", id));
    }

    /**
     * An absolute https URL (http only where the deployment allows it), no credentials in it, whose host resolves to
     * addresses webhooks may reach ({@link WebhookTargets}); checked again at every delivery.
     */
    private void checkUrl(String url) {
        try {
            targets.check(url);
        } catch (WebhookTargets.Refused refused) {
            throw ProblemException.invalid("url", refused.getMessage());
        }
    }
}
