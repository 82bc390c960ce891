package uk.police.oversight.common.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SpanRedactionTest {

    @Test
    void pathsKeepTheirResourcesAndLoseTheirValues() {
        assertEquals("/api/v1/offenders/by-pnc/{value}", SpanRedaction.target("/api/v1/offenders/by-pnc/2011%2F0645681U"));
        assertEquals("/api/v1/offenders/{value}/visits", SpanRedaction.target("/api/v1/offenders/6f1c2a9e-8d4b-4c1e-9f2a-6b7d8e9f0a1b/visits"));
        assertEquals("/api/v1/overdue-visits/summary", SpanRedaction.target("/api/v1/overdue-visits/summary"));
        assertEquals("/", SpanRedaction.target("/"));
    }

    @Test
    void queriesKeepOnlyTheirParameterNames() {
        assertEquals("/api/v1/offenders?search=…&size=…", SpanRedaction.target("/api/v1/offenders?search=John%20Smith&size=20"));
        assertEquals("/api/v1/visits?pncId=…", SpanRedaction.target("/api/v1/visits?pncId=2011/0645681U"));
        assertEquals("flag=…", SpanRedaction.query("flag"));
    }

    @Test
    void urlsKeepTheirHost() {
        assertEquals("http://offender-service:8080/api/v1/offenders/by-pnc/{value}?areaCode=…",
                SpanRedaction.url("http://offender-service:8080/api/v1/offenders/by-pnc/11%2F645681U?areaCode=BRS"));
        assertEquals("http://offender-service:8080", SpanRedaction.url("http://offender-service:8080"));
    }
}
