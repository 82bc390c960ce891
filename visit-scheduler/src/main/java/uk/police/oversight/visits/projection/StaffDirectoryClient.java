package uk.police.oversight.visits.projection;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** offender-service's staff directory, called with the caller's own bearer token (propagated). */
@Path("/api/v1/staff")
@RegisterRestClient(configKey = "offender-service")
@RegisterClientHeaders
@Produces(MediaType.APPLICATION_JSON)
public interface StaffDirectoryClient {

    /** The staff member, with their version as the ETag. */
    @GET
    @Path("{id}")
    Response staff(@PathParam("id") UUID id);
}
