package uk.police.oversight.assurance.rest;

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

/**
 * visit-scheduler or offender-service not answering (down, slow, circuit open, a 5xx) is a 503 with Retry-After, never a
 * 500 or a hang. One of them refusing the caller (whose token was passed on) is the caller's 403.
 */
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
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status == 401) {
            // The gateway verified the caller's token, so it is this service's own identity that was refused.
            LOG.errorf("an upstream service refused a token (401): is assurance-service's identity trusted? (docs/deployment.md)");
            return unavailable(e, request);
        }
        if (status == 403) {
            return ProblemResponses.of(ProblemType.FORBIDDEN, "Your role may not read the figures this needs", List.of(),
                    Map.of(), request == null ? null : request.path(), RequestIdFilter.of(request));
        }
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            // The question itself was refused (a bad date or area): the caller's 4xx, with the other service's reason.
            return ProblemResponses.of(ProblemType.forStatus(status), "Refused by the service that holds the figures: "
                    + detailOf(e), List.of(), Map.of(), request == null ? null : request.path(), RequestIdFilter.of(request));
        }
        return unavailable(e, request);
    }

    private static String detailOf(ClientWebApplicationException e) {
        try {
            String body = e.getResponse().readEntity(String.class);
            java.util.regex.Matcher detail = java.util.regex.Pattern.compile("\"detail\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.){0,300})").matcher(body);
            return detail.find() ? detail.group(1) : "status " + e.getResponse().getStatus();
        } catch (RuntimeException unreadable) {
            return "status " + e.getResponse().getStatus();
        }
    }

    private static Response unavailable(Exception e, HttpServerRequest request) {
        LOG.warnf("an upstream service did not answer: %s", e.toString());
        return ProblemResponses.of(ProblemType.SERVICE_UNAVAILABLE,
                "visit-scheduler or offender-service, which hold the figures and records, is not answering; try again shortly",
                List.of(), Map.of("Retry-After", "5"), request == null ? null : request.path(), RequestIdFilter.of(request));
    }
}
