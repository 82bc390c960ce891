package uk.police.oversight.common.metrics;

import io.micrometer.core.instrument.config.MeterFilter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import uk.police.oversight.common.tracing.SpanRedaction;

/**
 * What every process's telemetry needs, as beans of each Quarkus application that takes oversight-types (the services,
 * the gateway, the web app; each has Micrometer and OpenTelemetry): request latency with histogram buckets, for a p95
 * across replicas (LatencyBuckets), and HTTP spans with the values taken out of their paths and queries (SpanRedaction).
 */
@Singleton
public class Telemetry {

    @Produces
    @Singleton
    MeterFilter requestLatencyBuckets() {
        return LatencyBuckets.filter();
    }

    @Produces
    @Singleton
    SpanProcessor spanRedaction() {
        return SpanRedaction.processor();
    }
}
