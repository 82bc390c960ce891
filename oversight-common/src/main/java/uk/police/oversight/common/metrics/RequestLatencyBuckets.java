package uk.police.oversight.common.metrics;

import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import uk.police.oversight.common.metrics.LatencyBuckets;

/** Request latency with histogram buckets, for a p95 across replicas (LatencyBuckets). */
@Singleton
public class RequestLatencyBuckets {

    @Produces
    @Singleton
    MeterFilter requestLatencyBuckets() {
        return LatencyBuckets.filter();
    }
}
