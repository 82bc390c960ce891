package uk.police.oversight.visits.rest;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.ClientWebApplicationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import uk.police.oversight.common.problem.ProblemResponses;
import uk.police.oversight.common.problem.ProblemType;
import uk.police.oversight.common.web.RequestIdFilter;

/** offender-service not answering (down, slow, circuit open) is a 503 with Retry-After, never a 500 or a hang. */
public class UpstreamProblems {

    private static final Logger LOG = Logger.getLogger(UpstreamProblems.class);

    @ServerExceptionMapper
    public Response faultTolerance(FaultToleranceException e, HttpServerRequest request) {
        return unavailable(e, request);
    }

    @ServerExceptionMapper
    public Response processing(ProcessingException e, HttpServerRequest request) {
        return unavailable(e, request);
    }

    @ServerExceptionMapper
    public Response upstreamError(ClientWebApplicationException e, HttpServerRequest request) {
        return unavailable(e, request);
    }

    private static Response unavailable(Exception e, HttpServerRequest request) {
        LOG.warnf("offender-service did not answer: %s", e.toString());
        return ProblemResponses.of(ProblemType.SERVICE_UNAVAILABLE,
                "offender-service, which confirms offenders, is not answering; try again shortly", List.of(),
                Map.of("Retry-After", "5"), request == null ? null : request.path(), RequestIdFilter.of(request));
    }

}
