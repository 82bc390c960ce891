package uk.police.oversight.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens the gateway verified a moment ago, so that a client's every request is not another RSA signature
 * check and a hop to a worker thread. A token is remembered only after it verified, for at most
 * {@code oversight.gateway.token-cache.max-age} and never past its own expiry (each entry expires on its own, in a
 * Caffeine cache bounded to {@code oversight.gateway.token-cache.size}, which evicts the least useful entries when
 * full). Each service verifies every token again regardless: this only spares the edge repeating its own work.
 */
@ApplicationScoped
public class VerifiedTokens {

    /** A verified token's subject, and until when (epoch seconds) it may be trusted here. */
    private record Verified(String subject, long trustedFrom, long trustedUntil) {
    }

    @Inject
    GatewayConfig config;

    private volatile Cache<String, Verified> tokens;

    /** The subject of a token verified recently and not expired at {@code nowSeconds}, else null. */
    public String subject(String token, long nowSeconds) {
        Verified verified = cache().getIfPresent(token);
        if (verified == null) {
            return null;
        }
        if (nowSeconds >= verified.trustedUntil()) {
            cache().asMap().remove(token, verified);
            return null;
        }
        return verified.subject();
    }

    /** Remembers a token that has just been verified. */
    public void remember(String token, JsonWebToken jwt, long nowSeconds) {
        GatewayConfig.TokenCache settings = config.tokenCache();
        if (settings.size() <= 0 || jwt.getSubject() == null || jwt.getExpirationTime() <= nowSeconds) {
            return;
        }
        long until = Math.min(jwt.getExpirationTime(), nowSeconds + settings.maxAge().toSeconds());
        Cache<String, Verified> cache = cache();
        cache.put(token, new Verified(jwt.getSubject(), nowSeconds, until));
        cache.cleanUp(); // (the size bound is kept at once, not eventually)
    }

    private Cache<String, Verified> cache() {
        Cache<String, Verified> cache = tokens;
        if (cache == null) {
            synchronized (this) {
                if (tokens == null) {
                    tokens = Caffeine.newBuilder().maximumSize(Math.max(1, config.tokenCache().size()))
                            .expireAfter(new Expiry<String, Verified>() {
                                @Override
                                public long expireAfterCreate(String key, Verified value, long currentTime) {
                                    return TimeUnit.SECONDS.toNanos(value.trustedUntil() - value.trustedFrom());
                                }

                                @Override
                                public long expireAfterUpdate(String key, Verified value, long currentTime, long currentDuration) {
                                    return expireAfterCreate(key, value, currentTime);
                                }

                                @Override
                                public long expireAfterRead(String key, Verified value, long currentTime, long currentDuration) {
                                    return currentDuration;
                                }
                            })
                            .build();
                }
                cache = tokens;
            }
        }
        return cache;
    }
}
