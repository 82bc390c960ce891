package uk.police.oversight.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens the gateway verified a moment ago, so that a client's every request is not another RSA signature
 * check and a hop to a worker thread. A token is remembered only after it verified, for at most
 * {@code oversight.gateway.token-cache.max-age} and never past its own expiry; the map is bounded (it is emptied
 * when full). Each service verifies every token again regardless: this only spares the edge repeating its own work.
 */
@ApplicationScoped
public class VerifiedTokens {

    private record Verified(String subject, long expiresAt, long rememberedUntil) {
    }

    private final ConcurrentHashMap<String, Verified> tokens = new ConcurrentHashMap<>();

    @Inject
    GatewayConfig config;

    /** The subject of a token verified recently and not expired at {@code nowSeconds}, else null. */
    public String subject(String token, long nowSeconds) {
        Verified verified = tokens.get(token);
        if (verified == null) {
            return null;
        }
        if (nowSeconds >= verified.expiresAt() || nowSeconds >= verified.rememberedUntil()) {
            tokens.remove(token, verified);
            return null;
        }
        return verified.subject();
    }

    /** Remembers a token that has just been verified. */
    public void remember(String token, JsonWebToken jwt, long nowSeconds) {
        GatewayConfig.TokenCache cache = config.tokenCache();
        if (cache.size() <= 0 || jwt.getSubject() == null || jwt.getExpirationTime() <= nowSeconds) {
            return;
        }
        if (tokens.size() >= cache.size()) {
            tokens.clear();
        }
        tokens.put(token, new Verified(jwt.getSubject(), jwt.getExpirationTime(), nowSeconds + cache.maxAge().toSeconds()));
    }
}
