package uk.police.oversight.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** The edge's memory of verified tokens never outlives a token's expiry, its own max age, or its size. */
class VerifiedTokensTest {

    private static final long NOW = 1_800_000_000L;

    @Test
    void aVerifiedTokenIsRememberedUntilItsExpiryOrTheMaxAgeWhicheverComesFirst() {
        VerifiedTokens tokens = tokens(100, Duration.ofSeconds(60));
        assertNull(tokens.subject("a", NOW), "nothing is known before it verified");
        tokens.remember("a", jwt("alice", NOW + 30), NOW);
        tokens.remember("b", jwt("bob", NOW + 3600), NOW);
        assertEquals("alice", tokens.subject("a", NOW + 29));
        assertNull(tokens.subject("a", NOW + 30), "not at or past the token's own expiry");
        assertEquals("bob", tokens.subject("b", NOW + 59));
        assertNull(tokens.subject("b", NOW + 60), "checked afresh once the max age has passed");
    }

    @Test
    void anExpiredTokenOrOneWithoutSubjectIsNotRemembered() {
        VerifiedTokens tokens = tokens(100, Duration.ofSeconds(60));
        tokens.remember("old", jwt("carol", NOW), NOW);
        tokens.remember("anonymous", jwt(null, NOW + 600), NOW);
        assertNull(tokens.subject("old", NOW));
        assertNull(tokens.subject("anonymous", NOW));
    }

    @Test
    void theMemoryIsBoundedAndCanBeSwitchedOff() {
        VerifiedTokens bounded = tokens(2, Duration.ofSeconds(60));
        for (String token : new String[] {"a", "b", "c", "d", "e"}) {
            bounded.remember(token, jwt(token, NOW + 600), NOW);
        }
        int known = 0;
        for (String token : new String[] {"a", "b", "c", "d", "e"}) {
            known += bounded.subject(token, NOW) == null ? 0 : 1;
        }
        assertEquals(2, known, "at most the size is remembered; the rest are evicted, not all at once");

        VerifiedTokens off = tokens(0, Duration.ofSeconds(60));
        off.remember("a", jwt("a", NOW + 600), NOW);
        assertNull(off.subject("a", NOW));
    }

    private static VerifiedTokens tokens(int size, Duration maxAge) {
        GatewayConfig.TokenCache cache = proxy(GatewayConfig.TokenCache.class, Map.of("size", size, "maxAge", maxAge));
        VerifiedTokens tokens = new VerifiedTokens();
        tokens.config = proxy(GatewayConfig.class, Map.of("tokenCache", cache));
        return tokens;
    }

    private static JsonWebToken jwt(String subject, long expiresAt) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return subject;
            }

            @Override
            public Set<String> getClaimNames() {
                return Set.of(Claims.sub.name(), Claims.exp.name());
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claim) {
                return (T) (claim.equals(Claims.sub.name()) ? subject : claim.equals(Claims.exp.name()) ? (Object) expiresAt : null);
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Map<String, Object> answers) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            if (!answers.containsKey(method.getName())) {
                throw new UnsupportedOperationException(method.getName());
            }
            return answers.get(method.getName());
        });
    }
}
