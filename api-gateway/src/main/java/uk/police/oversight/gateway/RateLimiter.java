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

    /** Takes one request from the client's bucket; answers 0 when allowed, else the seconds until one is. */
    public long take(String client) {
        if (!limits.enabled()) {
            return 0;
        }
        ConsumptionProbe probe = buckets.get(client, key -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limits.burst())
                        .refillGreedy(limits.perMinute(), Duration.ofMinutes(1)).build())
                .build()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return 0;
        }
        return Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
    }
}
