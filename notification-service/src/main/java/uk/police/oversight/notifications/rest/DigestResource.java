package uk.police.oversight.notifications.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.police.oversight.common.security.Roles;
import uk.police.oversight.notifications.digest.DailyDigest;

/** The daily digest, on demand. */
@Path(ApiPaths.DIGESTS)
@Tag(name = "Digests")
@Produces(MediaType.APPLICATION_JSON)
public class DigestResource {

    @Inject
    DailyDigest digest;

    @Inject
    Clock clock;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "runDigests", summary = "Send the daily digests now",
            description = "Roles: admin. Queues one digest per manager with something open, for the date (default "
                    + "today); a manager gets at most one digest per date however often this runs. It also runs by "
                    + "itself every morning at 07:00 (Europe/London), once per cluster.")
    @APIResponse(responseCode = "200", description = "How many managers get a digest for the first time")
    @APIResponse(responseCode = "400", description = "Bad date")
    public Map<String, Object> run(@QueryParam("on") @Parameter(description = "The digest's date", example = "2022-06-30") LocalDate on) {
        LocalDate date = on == null ? LocalDate.now(clock) : on;
        return Map.of("date", date.toString(), "digestsQueued", digest.run(date));
    }
}
