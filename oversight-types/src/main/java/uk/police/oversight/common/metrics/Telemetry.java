package uk.police.oversight.common.metrics;

import io.micrometer.core.instrument.config.MeterFilter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.police.oversight.common.tracing.OversightSampler;
import uk.police.oversight.common.tracing.SpanRedaction;

/**
 * What every process's telemetry needs, as beans of each Quarkus application that takes oversight-types (the services,
 * the gateway, the web app; each has Micrometer and OpenTelemetry): request latency with histogram buckets, for a p95
 * across replicas (LatencyBuckets), HTTP spans with the values taken out of their paths and queries (SpanRedaction),
 * and which traces are recorded (OversightSampler: {@code OVERSIGHT_TRACE_SAMPLE_RATIO}, none by default).
 */
@Singleton
public class Telemetry {

    @Produces
    @Singleton
    MeterFilter requestLatencyBuckets() {
        return LatencyBuckets.filter();
    }

    /** Quarkus takes a Sampler bean in place of the configured one. */
    @Produces
    @Singleton
    Sampler sampler(@ConfigProperty(name = "oversight.trace-sample-ratio", defaultValue = "0") double ratio,
            @ConfigProperty(name = "oversight.trace-trust-callers", defaultValue = "true") boolean trustCallers) {
        return new OversightSampler(ratio, trustCallers);
    }

    @Produces
    @Singleton
    SpanProcessor spanRedaction() {
        return SpanRedaction.processor();
    }
}
