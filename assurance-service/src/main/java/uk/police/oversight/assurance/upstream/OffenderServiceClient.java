package uk.police.oversight.assurance.upstream;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** offender-service's API: an offender's record, risk assessments and status changes, for a pseudonymised case file. */
@Path("/api/v1/offenders")
@RegisterRestClient(configKey = "offender-service")
@Produces(MediaType.APPLICATION_JSON)
public interface OffenderServiceClient {

    @GET
    @Path("{id}")
    Upstream.Offender offender(@HeaderParam("Authorization") String bearer, @HeaderParam("X-Request-Id") String requestId,
            @HeaderParam("X-Justification") String justification, @PathParam("id") UUID id);

    @GET
    @Path("{id}/risk-assessments")
    List<Upstream.RiskAssessment> riskAssessments(@HeaderParam("Authorization") String bearer,
            @HeaderParam("X-Request-Id") String requestId, @HeaderParam("X-Justification") String justification,
            @PathParam("id") UUID id);

    @GET
    @Path("{id}/status-changes")
    List<Upstream.StatusChange> statusChanges(@HeaderParam("Authorization") String bearer,
            @HeaderParam("X-Request-Id") String requestId, @HeaderParam("X-Justification") String justification,
            @PathParam("id") UUID id);
}
