package uk.police.oversight.visits.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import uk.police.oversight.visits.model.StaffProjection;

/**
 * Finds the projected facts of a staff member; one not heard of yet (their staff.changed event still on its way) is
 * confirmed with offender-service and projected, as {@link OffenderLookup} does for offenders.
 */
@ApplicationScoped
public class StaffLookup {

    @Inject
    @RestClient
    StaffDirectoryClient directory;

    @Inject
    OffenderProjector projector;

    /** The staff member, from the projection or confirmed by offender-service; empty when unknown. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<StaffProjection> find(UUID staffId) {
        StaffProjection known = StaffProjection.findById(staffId);
        if (known != null) {
            return Optional.of(known);
        }
        return confirm(staffId).map(facts -> {
            projector.projectStaff(facts);
            return StaffProjection.<StaffProjection>findById(staffId);
        });
    }

    /** A 4xx answer means unknown (an empty result); anything else is a fault to retry. */
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    Optional<StaffFactsData> confirm(UUID staffId) {
        try (Response response = directory.staff(staffId)) {
            StaffFactsData facts = response.readEntity(StaffFactsData.class);
            return Optional.of(new StaffFactsData(facts.staff(), null, version(response.getHeaderString(HttpHeaders.ETAG)),
                    facts.areaCode(), facts.role(), facts.active()));
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status >= 400 && status < 500) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The version an ETag `"3"` names; -1 (older than any event) when absent, so that the next event wins. */
    static long version(String etag) {
        if (etag == null) {
            return -1;
        }
        try {
            return Long.parseLong(etag.replace("W/", "").replace("\"", "").strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
