package uk.police.oversight.common.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.time.Duration;

/**
 * Request latency as a histogram with a few fixed buckets (10 ms to 10 s), so that Prometheus can take the p95 of a
 * route across every replica ({@code histogram_quantile} over {@code http_server_requests_seconds_bucket}, the
 * dashboard in k8s/monitoring); nine buckets a route keep the series few. {@link Telemetry} makes it a bean of
 * each process.
 */
public final class LatencyBuckets {

    static final Duration[] BUCKETS = {Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(10)};

    private LatencyBuckets() {
    }

    public static MeterFilter filter() {
        double[] nanos = new double[BUCKETS.length];
        for (int i = 0; i < BUCKETS.length; i++) {
            nanos[i] = BUCKETS[i].toNanos();
        }
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!"http.server.requests".equals(id.getName())) {
                    return config;
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(nanos).build().merge(config);
            }
        };
    }
}
