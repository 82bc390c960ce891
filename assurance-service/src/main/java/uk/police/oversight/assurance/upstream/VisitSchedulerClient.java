package uk.police.oversight.assurance.upstream;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** visit-scheduler's API: its compliance figures, everyone in the community on a date, an offender's visits and schedule. */
@Path("/api/v1")
@RegisterRestClient(configKey = "visit-scheduler")
@Produces(MediaType.APPLICATION_JSON)
public interface VisitSchedulerClient {

    @GET
    @Path("overdue-visits/summary")
    Upstream.Summary summary(@HeaderParam("Authorization") String bearer, @HeaderParam("X-Request-Id") String requestId,
            @QueryParam("asOf") LocalDate asOf, @QueryParam("areaCode") String areaCode);

    @GET
    @Path("community-offenders")
    List<Upstream.CommunityOffender> community(@HeaderParam("Authorization") String bearer,
            @HeaderParam("X-Request-Id") String requestId, @HeaderParam("X-Justification") String justification,
            @QueryParam("asOf") LocalDate asOf, @QueryParam("overdueOnly") boolean overdueOnly);

    @GET
    @Path("schedules/{offenderId}")
    Upstream.Schedule schedule(@HeaderParam("Authorization") String bearer, @HeaderParam("X-Request-Id") String requestId,
            @HeaderParam("X-Justification") String justification, @PathParam("offenderId") UUID offenderId,
            @QueryParam("asOf") LocalDate asOf);

    @GET
    @Path("visits")
    Upstream.VisitPage visits(@HeaderParam("Authorization") String bearer, @HeaderParam("X-Request-Id") String requestId,
            @HeaderParam("X-Justification") String justification, @QueryParam("offenderId") UUID offenderId,
            @QueryParam("to") LocalDate to, @QueryParam("page") int page, @QueryParam("size") int size);
}
