package uk.police.oversight.local;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.oauth2.sdk.TokenRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.NettyWrapper;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequestHandler;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import okhttp3.Headers;

/**
 * The local stack's OpenID Connect provider (SPEC section 10): a real one, NAV's mock-oauth2-server, with the
 * authorization code flow, PKCE, discovery, JWKS and end-session. Its sign-in page asks for a username only, and
 * knows the demo users: it gives each the roles and areas of {@link DemoUsers} and nobody else a token. It signs with
 * the local key and names the local issuer, so the gateway and the services trust its access tokens exactly as they
 * trust `./oversight token`'s.
 */
public final class LocalIdentityProvider implements AutoCloseable {

    public static final String ISSUER_ID = "oversight";
    public static final String CLIENT_ID = "oversight-web";

    private final MockOAuth2Server server;
    private final int port;

    private LocalIdentityProvider(MockOAuth2Server server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts the provider on loopback at {@code port}, signing with {@code keys}. */
    public static LocalIdentityProvider start(int port, LocalKeys keys) {
        OAuth2Config config = new OAuth2Config(true, null, null, false,
                new OAuth2TokenProvider(new KeyProvider(List.of(jwk(keys)), "RS256"), (java.time.Instant) null),
                Set.of(new Claims()), new NettyWrapper(null));
        OAuth2HttpRequestHandler handler = new OAuth2HttpRequestHandler(config);
        MockOAuth2Server server = new MockOAuth2Server(config, new SignIn(handler.getAuthorizationServer()));
        try {
            server.start(InetAddress.getByName("127.0.0.1"), port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LocalIdentityProvider(server, port);
    }

    /** The provider's issuer URL: its discovery document is under /.well-known/openid-configuration. */
    public String url() {
        return "http://localhost:" + port + "/" + ISSUER_ID;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        server.shutdown();
    }

    private static JWK jwk(LocalKeys keys) {
        try {
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) keys.readPrivateKey();
            RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
            return new RSAKey.Builder(publicKey).privateKey(key).keyID(ISSUER_ID).build();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What each token says besides its subject: the API's audience, the local issuer's name; ten hours at most. */
    private static final class Claims implements OAuth2TokenCallback {

        @Override
        public String issuerId() {
            return ISSUER_ID;
        }

        @Override
        public String subject(TokenRequest tokenRequest) {
            return null;
        }

        @Override
        public String typeHeader(TokenRequest tokenRequest) {
            return JOSEObjectType.JWT.getType();
        }

        @Override
        public List<String> audience(TokenRequest tokenRequest) {
            return List.of(LocalKeys.AUDIENCE);
        }

        @Override
        public Map<String, Object> addClaims(TokenRequest tokenRequest) {
            return Map.of("iss", LocalKeys.ISSUER);
        }

        @Override
        public long tokenExpiry() {
            return 3600;
        }
    }

    /**
     * Every request, in front of the provider's own routes: the sign-in page (GET of the authorization endpoint) is
     * this one, with a field labelled Username and a button labelled Sign in; its POST names a demo user, whose roles
     * and areas are added here (never from the browser). An unknown username gets the page again, with an error.
     */
    private static final class SignIn implements Route {

        private final Route provider;

        SignIn(Route provider) {
            this.provider = provider;
        }

        @Override
        public boolean match(OAuth2HttpRequest request) {
            return true;
        }

        @Override
        public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
            boolean authorize = request.getUrl().encodedPath().equals("/" + ISSUER_ID + "/authorize");
            if (authorize && request.getMethod().equals("GET")) {
                return page(200, null, "");
            }
            if (authorize && request.getMethod().equals("POST")) {
                Map<String, String> form = form(request.getBody());
                String username = form.getOrDefault("username", "").strip();
                var user = DemoUsers.find(username);
                if (user.isEmpty()) {
                    return page(username.isEmpty() ? 400 : 401,
                            username.isEmpty() ? "Enter your username" : "There is no demo user called " + username, username);
                }
                String claims = jakarta.json.Json.createObjectBuilder()
                        .add("groups", jakarta.json.Json.createArrayBuilder(user.get().roles()))
                        .add("areas", jakarta.json.Json.createArrayBuilder(user.get().areas()))
                        .add("upn", user.get().username())
                        .add("preferred_username", user.get().username())
                        .build().toString();
                String body = "username=" + encode(user.get().username()) + "&claims=" + encode(claims);
                return provider.invoke(new OAuth2HttpRequest(request.getHeaders().newBuilder()
                        .set("Content-Type", "application/x-www-form-urlencoded").build(), "POST", request.getOriginalUrl(), body));
            }
            return provider.invoke(request);
        }

        private static OAuth2HttpResponse page(int status, String error, String username) {
            String html;
            try (var in = LocalIdentityProvider.class.getResourceAsStream("/sign-in.html")) {
                html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            StringBuilder users = new StringBuilder();
            for (DemoUsers.User user : DemoUsers.ALL) {
                users.append("<li><code>").append(user.username()).append("</code>: ").append(escape(user.who())).append("</li>");
            }
            String errorBlock = error == null ? "" : "<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\"><h2>There is a problem</h2>"
                    + "<p><a href=\"#username\">" + escape(error) + "</a></p></div>";
            html = html.replace("{{error}}", errorBlock).replace("{{users}}", users.toString()).replace("{{username}}", escape(username))
                    .replace("{{invalid}}", error == null ? "" : " aria-invalid=\"true\" aria-describedby=\"username-error\"")
                    .replace("{{fieldError}}", error == null ? "" : "<p id=\"username-error\" class=\"field-error\">" + escape(error) + "</p>");
            Headers headers = Headers.of("Content-Type", "text/html; charset=utf-8", "Cache-Control", "no-store",
                    "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http://localhost:* http://127.0.0.1:*; frame-ancestors 'none'",
                    "X-Frame-Options", "DENY");
            return new OAuth2HttpResponse(headers, status, html, null);
        }

        private static Map<String, String> form(String body) {
            Map<String, String> form = new LinkedHashMap<>();
            if (body == null) {
                return form;
            }
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            return form;
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }

        private static String escape(String text) {
            return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        }
    }

    static {
        // NAV's server logs each token it issues at DEBUG and requests at INFO through SLF4J (here java.util.logging).
        java.util.logging.Logger.getLogger("no.nav.security").setLevel(java.util.logging.Level.WARNING);
    }
}
