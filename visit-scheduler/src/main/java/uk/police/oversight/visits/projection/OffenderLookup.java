package uk.police.oversight.visits.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.WebApplicationException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import uk.police.oversight.visits.model.OffenderProjection;

/**
 * Finds the projected facts of an offender; when the events about a newly registered offender have not arrived yet,
 * confirms the offender with offender-service (as the caller) and projects the answer, so that eventual consistency
 * never shows to a client.
 */
@ApplicationScoped
public class OffenderLookup {

    @Inject
    @RestClient
    OffenderServiceClient offenderService;

    @Inject
    OffenderProjector projector;

    /** The offender, from the projection or confirmed by offender-service; empty when unknown to the caller. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<OffenderProjection> find(UUID offenderId) {
        OffenderProjection known = OffenderProjection.findById(offenderId);
        if (known != null) {
            return Optional.of(known);
        }
        return confirm(offenderId).map(facts -> {
            projector.project(facts);
            return OffenderProjection.<OffenderProjection>findById(offenderId);
        });
    }

    /** The offender with this canonical PNC id, from the projection or confirmed by offender-service. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<OffenderProjection> findByPnc(String pncId) {
        Optional<OffenderProjection> known = OffenderProjection.find("pncId", pncId).firstResultOptional();
        if (known.isPresent()) {
            return known;
        }
        return confirmByPnc(pncId).map(facts -> {
            projector.project(facts);
            return OffenderProjection.<OffenderProjection>findById(facts.offender());
        });
    }

    Optional<OffenderFactsData> confirm(UUID offenderId) {
        return ask(() -> offenderService.offender(offenderId));
    }

    Optional<OffenderFactsData> confirmByPnc(String pncId) {
        return ask(() -> offenderService.offenderByPnc(pncId));
    }

    /** A 4xx answer means unknown to this caller (an empty result, not a fault to retry); anything else is a fault. */
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    Optional<OffenderFactsData> ask(java.util.function.Supplier<OffenderFactsData> call) {
        try {
            return Optional.of(call.get());
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status >= 400 && status < 500) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
