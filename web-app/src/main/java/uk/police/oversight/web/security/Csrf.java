package uk.police.oversight.web.security;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import uk.police.oversight.web.WebConfig;

/**
 * CSRF protection for every form (signed double submit): a random value in an HttpOnly, Secure, SameSite=Strict
 * cookie, and in each form a token that is that value signed with the app's secret and bound to the signed-in user.
 * A POST whose token does not match its cookie and its user is refused before anything is sent to the API.
 */
@RequestScoped
@Named("csrf")
public class Csrf {

    public static final String COOKIE = "oversight-csrf";
    public static final String FIELD = "csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    RoutingContext context;

    @Inject
    WebConfig config;

    @Inject
    Viewer viewer;

    private String value;

    /** The token for a form on this page (the cookie is set with the answer when it is new). */
    public String token() {
        if (value == null) {
            Cookie cookie = context.request().getCookie(COOKIE);
            if (cookie != null && cookie.getValue().matches("[A-Za-z0-9_-]{43}")) {
                value = cookie.getValue();
            } else {
                byte[] random = new byte[32];
                RANDOM.nextBytes(random);
                value = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
                context.response().addCookie(Cookie.cookie(COOKIE, value).setPath("/").setHttpOnly(true).setSecure(true)
                        .setSameSite(CookieSameSite.STRICT));
            }
        }
        return sign(value);
    }

    /** Whether a form's token is the one this user's cookie and the secret make. */
    public boolean valid(String token) {
        Cookie cookie = context.request().getCookie(COOKIE);
        if (token == null || cookie == null || !viewer.signedIn()) {
            return false;
        }
        return MessageDigest.isEqual(sign(cookie.getValue()).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }

    /** Refuses the request (the "form expired" page) unless its token is valid. */
    public void check(String token) {
        if (!valid(token)) {
            throw new CsrfRefused();
        }
    }

    private String sign(String random) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(config.csrfSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signature = mac.doFinal((random + "|" + viewer.subject()).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A form posted without a valid CSRF token. */
    public static final class CsrfRefused extends RuntimeException {
        public CsrfRefused() {
            super("The form's CSRF token is missing or does not match", null, false, false);
        }
    }
}
