package uk.police.oversight.visits.projection;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * offender-service's API, called with the caller's own bearer token (propagated), so it applies the caller's areas
 * and audits the consultation under the caller's name.
 */
@Path("/api/v1/offenders")
@RegisterRestClient(configKey = "offender-service")
@RegisterClientHeaders
@Produces(MediaType.APPLICATION_JSON)
public interface OffenderServiceClient {

    @GET
    @Path("{id}")
    OffenderFactsData offender(@PathParam("id") UUID id);

    @GET
    @Path("by-pnc/{pncId}")
    OffenderFactsData offenderByPnc(@PathParam("pncId") String pncId);

    @POST
    @Path("events/replay")
    ReplayJob replay();

    /** offender-service's answer to a replay request: the replay it queued (or the one under way). */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record ReplayJob(java.util.UUID id, String state) {
    }
}
