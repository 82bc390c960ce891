package uk.police.oversight.web.pages;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import uk.police.oversight.web.security.Viewer;

/** The front door: a signed-in user goes to the first page of their work; signing out ends on a page of its own. */
@Path("/")
public class HomePage {

    @Inject
    Viewer viewer;

    @Inject
    Template noRole;

    @Inject
    Template signedOut;

    @GET
    @Authenticated
    public Response home() {
        return Response.seeOther(URI.create(viewer.home())).build();
    }

    @GET
    @Path("no-role")
    @Authenticated
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance withoutRole() {
        return noRole.instance();
    }

    /** Where sign-out lands (public: the session has ended). */
    @GET
    @Path("signed-out")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance signedOut() {
        return signedOut.instance();
    }
}
