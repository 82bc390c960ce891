package uk.police.oversight.visits.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import uk.police.oversight.visits.api.RebuildResult;
import uk.police.oversight.visits.model.OffenderProjection;

/**
 * Rebuilds the projection from scratch: empties it and asks offender-service to publish a snapshot of every
 * offender, in one transaction, so that if offender-service does not answer nothing is cleared.
 */
@ApplicationScoped
public class ProjectionRebuild {

    @Inject
    @RestClient
    OffenderServiceClient offenderService;

    @Transactional
    public RebuildResult rebuild() {
        long cleared = OffenderProjection.deleteAll();
        OffenderServiceClient.ReplayCounts queued = offenderService.replay();
        return new RebuildResult(cleared, queued.offenders(), queued.staff());
    }
}
