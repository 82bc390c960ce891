package uk.police.oversight.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * A token bucket per client (Bucket4j): a burst allowance refilled at the per-minute rate. Per gateway replica; a
 * cluster-wide limit would keep the buckets in a shared store.
 */
@ApplicationScoped
public class RateLimiter {

    private final GatewayConfig.RateLimit limits;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(100_000).build();

    @Inject
    public RateLimiter(GatewayConfig config) {
        this.limits = config.rateLimit();
    }

    /** What taking a request left: allowed or not, the seconds to wait when not, the requests left, the seconds to full. */
    public record Outcome(boolean allowed, long retryAfterSeconds, long remaining, long secondsToFull) {

        /** The IETF draft's RateLimit field: what is left now, and when the allowance is whole again. */
        String rateLimit() {
            return "\"per-client\";r=" + remaining + ";t=" + secondsToFull;
        }
    }

    /** Takes one request from the client's bucket. */
    public Outcome take(String client) {
        if (!limits.enabled()) {
            return new Outcome(true, 0, limits.burst(), 0);
        }
        Bucket bucket = buckets.get(client, key -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limits.burst())
                        .refillGreedy(limits.perMinute(), Duration.ofMinutes(1)).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        long remaining = probe.getRemainingTokens();
        // A greedy bucket refills perMinute tokens a minute, evenly: the missing ones take (missing / perMinute) minutes.
        long secondsToFull = (long) Math.ceil((limits.burst() - remaining) * 60.0 / limits.perMinute());
        if (probe.isConsumed()) {
            return new Outcome(true, 0, remaining, secondsToFull);
        }
        return new Outcome(false, Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L), 0, secondsToFull);
    }

    /** The IETF draft's RateLimit-Policy field: the burst a client may send at once, refilled over a minute. */
    public String policy() {
        return "\"per-client\";q=" + limits.burst() + ";w=60";
    }
}
