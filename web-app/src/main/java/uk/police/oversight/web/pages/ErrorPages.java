package uk.police.oversight.web.pages;

import io.quarkus.qute.Template;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import uk.police.oversight.web.api.ApiProblem;
import uk.police.oversight.web.security.Csrf;

/**
 * The GOV.UK error pages: "You do not have permission" for another role's page or record (never its data), "Page not
 * found", "The form has expired" for a form without a valid CSRF token, "Sorry, there is a problem" otherwise.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @Inject
    Template forbidden;

    @Inject
    Template notFound;

    @Inject
    Template problem;

    @Inject
    Template formExpired;

    @ServerExceptionMapper
    public Response roleRefused(ForbiddenException e) {
        return page(403, forbidden);
    }

    @ServerExceptionMapper
    public Response csrf(Csrf.CsrfRefused e) {
        return page(403, formExpired);
    }

    @ServerExceptionMapper
    public Response missing(NotFoundException e) {
        return page(404, notFound);
    }

    @ServerExceptionMapper
    public Response api(ApiProblem e) {
        return switch (e.status()) {
            case 403 -> page(403, forbidden);
            case 404 -> page(404, notFound);
            case 401 -> Response.seeOther(java.net.URI.create("/signed-out")).build();
            default -> {
                LOG.warnf("A page failed: the API answered %d (%s)", e.status(), e.detail());
                yield Response.status(e.status() >= 500 ? 503 : e.status()).type(MediaType.TEXT_HTML_TYPE)
                        .entity(problem.data("status", e.status()).data("detail", e.status() >= 500 ? null : e.detail()).render()).build();
            }
        };
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 404 || status == 405) {
            return page(404, notFound);
        }
        if (status < 500) {
            return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                    .entity(problem.data("status", status).data("detail", "The request could not be understood").render()).build();
        }
        LOG.error("A page failed", e);
        return Response.status(500).type(MediaType.TEXT_HTML_TYPE).entity(problem.data("status", 500).data("detail", null).render()).build();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        if (e instanceof UnauthorizedException) {
            return Response.seeOther(java.net.URI.create("/")).build();
        }
        LOG.error("A page failed unexpectedly", e);
        return Response.status(500).type(MediaType.TEXT_HTML_TYPE).entity(problem.data("status", 500).data("detail", null).render()).build();
    }

    private static Response page(int status, Template template) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(template.instance().render()).build();
    }
}
