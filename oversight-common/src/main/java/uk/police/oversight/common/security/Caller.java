package uk.police.oversight.common.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;
import uk.police.oversight.common.problem.ProblemException;
import uk.police.oversight.common.web.RequestIds;

/**
 * Who is calling, from the verified bearer token: subject, roles and the policing areas they may see. Managers and
 * supervisors are confined to their `areas`; integration and admin are force-wide.
 */
@RequestScoped
public class Caller {

    public static final String AREAS_CLAIM = "areas";
    public static final String JUSTIFICATION_HEADER = "X-Justification";
    static final int MAX_JUSTIFICATION = 500;

    private final SecurityIdentity identity;
    private final JsonWebToken token;
    private final HttpServerRequest request;

    @Inject
    public Caller(SecurityIdentity identity, JsonWebToken token, HttpServerRequest request) {
        this.identity = identity;
        this.token = token;
        this.request = request;
    }

    public String subject() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public Set<String> roles() {
        return new TreeSet<>(identity.getRoles());
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** Integration and admin callers see the whole force. */
    public boolean forceWide() {
        return hasRole(Roles.ADMIN) || hasRole(Roles.INTEGRATION);
    }

    /** The areas a manager or supervisor is confined to; empty when the caller is force-wide. */
    public Optional<Set<String>> areaRestriction() {
        return forceWide() ? Optional.empty() : Optional.of(areas());
    }

    public boolean canSeeArea(String areaCode) {
        return forceWide() || areas().contains(areaCode);
    }

    /** The `areas` claim: a JSON array of area codes (a single string or comma list is accepted too). */
    public Set<String> areas() {
        Object claim = token == null ? null : token.getClaim(AREAS_CLAIM);
        Set<String> areas = new LinkedHashSet<>();
        if (claim instanceof JsonArray array) {
            for (JsonValue value : array) {
                if (value instanceof JsonString string) {
                    areas.add(string.getString().trim());
                }
            }
        } else if (claim instanceof Collection<?> collection) {
            collection.forEach(value -> areas.add(String.valueOf(value).trim()));
        } else if (claim instanceof JsonString string) {
            addCommaList(areas, string.getString());
        } else if (claim instanceof String string) {
            addCommaList(areas, string);
        }
        areas.remove("");
        return areas;
    }

    /** The optional `X-Justification` header: why the caller is consulting this data (kept in the audit log). */
    public String justification() {
        String value = request == null ? null : request.getHeader(JUSTIFICATION_HEADER);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_JUSTIFICATION) {
            throw ProblemException.badRequest(JUSTIFICATION_HEADER, "must be at most " + MAX_JUSTIFICATION + " characters");
        }
        return value.strip();
    }

    public String requestId() {
        return RequestIds.of(request);
    }

    /** `METHOD /path?query` of the current request, for audit details. */
    public String requestLine() {
        return request == null ? null : request.method() + " " + request.uri();
    }

    private static void addCommaList(Set<String> areas, String list) {
        for (String area : list.split(",")) {
            areas.add(area.trim());
        }
    }
}
