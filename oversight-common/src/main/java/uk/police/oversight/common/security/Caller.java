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
import uk.police.oversight.common.input.InputRules;
import uk.police.oversight.common.problem.ProblemException;
import uk.police.oversight.common.web.RequestIdFilter;

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

    /**
     * The optional `X-Justification` header: why the caller is consulting this data (kept in the audit log). UTF-8 text
     * of at most 500 characters, without control characters (docs/api.md).
     */
    public String justification() {
        String value = headerText(request == null ? null : request.getHeader(JUSTIFICATION_HEADER));
        if (value == null || value.isBlank()) {
            return null;
        }
        String problem = InputRules.singleLineProblem(value);
        if (problem != null) {
            throw ProblemException.badRequest(JUSTIFICATION_HEADER, problem);
        }
        if (value.codePointCount(0, value.length()) > MAX_JUSTIFICATION) {
            throw ProblemException.badRequest(JUSTIFICATION_HEADER, "must be at most " + MAX_JUSTIFICATION + " characters");
        }
        return value.strip();
    }

    /**
     * A header value as the text the client meant: HTTP/1.1 carries header bytes, which the server reads one byte to a
     * character (ISO-8859-1); a client sending UTF-8 (as every HTTP library does for non-ASCII text) is read back as
     * UTF-8, so that `Überprüfung` is stored as sent and not as `Ã\u009cberprÃ¼fung`. Bytes that are not UTF-8 keep
     * their ISO-8859-1 reading.
     */
    public static String headerText(String raw) {
        if (raw == null) {
            return null;
        }
        boolean ascii = true;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c > 0xFF) {
                return raw; // already decoded text
            }
            ascii &= c < 0x80;
        }
        if (ascii) {
            return raw;
        }
        try {
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(raw.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)))
                    .toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return raw;
        }
    }

    /** The justification for the audit log of a refusal: never refuses the refusal itself for a bad header. */
    public String justificationOrNull() {
        try {
            return justification();
        } catch (ProblemException e) {
            return null;
        }
    }

    public String requestId() {
        return RequestIdFilter.of(request);
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
