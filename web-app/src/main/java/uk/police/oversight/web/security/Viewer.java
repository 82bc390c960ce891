package uk.police.oversight.web.security;

import io.quarkus.oidc.IdToken;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is signed in: their subject, roles and areas, from the identity provider's ID token (the API decides again
 * from the access token), and the navigation their roles give them. A role sees only its own navigation.
 */
@RequestScoped
@Named("viewer")
public class Viewer {

    public static final String MANAGER = "offender-manager";
    public static final String SUPERVISOR = "supervisor";
    public static final String SCRUTINY = "scrutiny";
    public static final String PANEL = "panel";
    public static final String ADMIN = "admin";

    /** One navigation item: its address and label. */
    @io.quarkus.qute.TemplateData
    public record Link(String href, String label) {
    }

    @Inject
    SecurityIdentity identity;

    @Inject
    @IdToken
    JsonWebToken idToken;

    @Inject
    io.vertx.ext.web.RoutingContext routing;

    /** Whether {@code href} is the page being shown or one under it (the navigation marks it). */
    public boolean current(String href) {
        String path = routing.request().path();
        return path.equals(href) || path.startsWith(href + "/");
    }

    public boolean signedIn() {
        return !identity.isAnonymous();
    }

    public String subject() {
        return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    /** The areas the user works in; none for a force-wide role. */
    public List<String> areas() {
        Object claim = identity.isAnonymous() ? null : idToken.getClaim("areas");
        List<String> areas = new ArrayList<>();
        if (claim instanceof Iterable<?> values) {
            values.forEach(v -> areas.add(v.toString().replace("\"", "")));
        }
        return areas;
    }

    /** The user's first area, for pages that show one area at a time; null for a force-wide role. */
    public String area() {
        List<String> areas = areas();
        return areas.isEmpty() ? null : areas.get(0);
    }

    /** What the user's roles are called, in words. */
    public String roleName() {
        if (is(ADMIN)) {
            return "Administrator";
        }
        if (is(SUPERVISOR)) {
            return "Supervisor";
        }
        if (is(MANAGER)) {
            return "Offender manager";
        }
        if (is(SCRUTINY)) {
            return "Scrutiny";
        }
        if (is(PANEL)) {
            return "Assurance panel member";
        }
        return "No role";
    }

    /** The navigation of the user's roles, in the order of their work. */
    public List<Link> navigation() {
        List<Link> links = new ArrayList<>();
        if (is(MANAGER)) {
            links.add(new Link("/caseload", "My caseload"));
        }
        if (is(SUPERVISOR)) {
            links.add(new Link("/overdue-visits", "Overdue visits"));
            links.add(new Link("/overdue-risk-reviews", "Overdue risk reviews"));
            links.add(new Link("/caseloads", "Caseloads"));
        }
        if (is(SCRUTINY)) {
            links.add(new Link("/compliance", "Compliance"));
            links.add(new Link("/actions", "Action tracker"));
            links.add(new Link("/samples", "Assurance samples"));
            links.add(new Link("/report-pack", "Report pack"));
        }
        if (is(PANEL)) {
            links.add(new Link("/panel", "My samples"));
        }
        if (is(ADMIN)) {
            links.add(new Link("/admin/visit-policy", "Visit policy"));
            links.add(new Link("/admin/thresholds", "Thresholds"));
            links.add(new Link("/admin/staff", "Staff"));
        }
        return links;
    }

    /** The first page of the user's work: where signing in lands. */
    public String home() {
        List<Link> links = navigation();
        return links.isEmpty() ? "/no-role" : links.get(0).href();
    }
}
