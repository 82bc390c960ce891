package uk.police.oversight.common.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import java.util.List;

/**
 * Which spans are recorded: {@code ratio} of the traces that start in this process and every one a caller recorded
 * (parent-based, trace-id ratio), except a database statement that belongs to no trace at all: the relay's lease each
 * second, the dispatcher's, the metrics' refreshes and Quartz's check-ins would otherwise each start a trace of one
 * span, many a second, that answers nothing. Statements made for a request, an event or a scan are children and kept.
 */
public final class OversightSampler implements Sampler {

    static final AttributeKey<String> DB_SYSTEM = AttributeKey.stringKey("db.system");
    static final AttributeKey<String> DB_SYSTEM_NAME = AttributeKey.stringKey("db.system.name");

    private final Sampler delegate;
    private final Sampler ratioAlone;
    private final double ratio;
    private final boolean trustRemoteParent;

    /**
     * {@code trustRemoteParent} false at the edge (the gateway): a caller from outside keeps its trace id but does not
     * decide whether the system records it (its sampled flag would otherwise force recording in every service).
     */
    public OversightSampler(double ratio, boolean trustRemoteParent) {
        this.ratio = ratio;
        this.trustRemoteParent = trustRemoteParent;
        this.ratioAlone = Sampler.traceIdRatioBased(ratio);
        this.delegate = Sampler.parentBased(ratioAlone);
    }

    @Override
    public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
            Attributes attributes, List<LinkData> parentLinks) {
        boolean root = !Span.fromContext(parentContext).getSpanContext().isValid();
        if (root && spanKind == SpanKind.CLIENT && (attributes.get(DB_SYSTEM) != null || attributes.get(DB_SYSTEM_NAME) != null)) {
            return SamplingResult.drop();
        }
        if (!root && !trustRemoteParent && Span.fromContext(parentContext).getSpanContext().isRemote()) {
            return ratioAlone.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
        }
        return delegate.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
    }

    @Override
    public String getDescription() {
        return "OversightSampler{ratio=" + ratio + ", trustRemoteParent=" + trustRemoteParent
                + ", untraced database statements dropped}";
    }
}
