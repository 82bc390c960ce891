package uk.police.oversight.common.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import java.util.List;
import org.junit.jupiter.api.Test;

class OversightSamplerTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final Context SAMPLED_CALLER = Context.root().with(Span.wrap(SpanContext.createFromRemoteParent(TRACE,
            "00f067aa0ba902b7", TraceFlags.getSampled(), TraceState.getDefault())));

    private static SamplingDecision decide(OversightSampler sampler, Context parent, SpanKind kind, Attributes attributes) {
        return sampler.shouldSample(parent, TRACE, "span", kind, attributes, List.of()).getDecision();
    }

    @Test
    void aStatementOutsideAnyTraceIsNeverRecorded() {
        OversightSampler everything = new OversightSampler(1.0, true);
        assertEquals(SamplingDecision.DROP, decide(everything, Context.root(), SpanKind.CLIENT,
                Attributes.of(OversightSampler.DB_SYSTEM, "postgresql")));
        assertEquals(SamplingDecision.DROP, decide(everything, Context.root(), SpanKind.CLIENT,
                Attributes.of(OversightSampler.DB_SYSTEM_NAME, "postgresql")));
        assertEquals(SamplingDecision.RECORD_AND_SAMPLE, decide(everything, SAMPLED_CALLER, SpanKind.CLIENT,
                Attributes.of(OversightSampler.DB_SYSTEM, "postgresql")), "a request's statements are kept");
        assertEquals(SamplingDecision.RECORD_AND_SAMPLE, decide(everything, Context.root(), SpanKind.SERVER, Attributes.empty()));
    }

    @Test
    void theRatioDecidesWhatStartsHereAndTheEdgeIgnoresACallersFlag() {
        assertEquals(SamplingDecision.DROP, decide(new OversightSampler(0, true), Context.root(), SpanKind.SERVER, Attributes.empty()));
        // A service follows the gateway's decision; the gateway does not follow an outside caller's.
        assertEquals(SamplingDecision.RECORD_AND_SAMPLE, decide(new OversightSampler(0, true), SAMPLED_CALLER, SpanKind.SERVER,
                Attributes.empty()));
        assertEquals(SamplingDecision.DROP, decide(new OversightSampler(0, false), SAMPLED_CALLER, SpanKind.SERVER,
                Attributes.empty()));
    }
}
