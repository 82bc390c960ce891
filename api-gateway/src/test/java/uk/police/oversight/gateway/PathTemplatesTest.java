package uk.police.oversight.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A request is named by its operation's template, the most literal one first, whichever resource it is under. */
class PathTemplatesTest {

    private final PathTemplates templates = new PathTemplates();

    PathTemplatesTest() {
        templates.update(List.of("/api/v1/offenders", "/api/v1/offenders/{id}", "/api/v1/offenders/batch",
                "/api/v1/offenders/by-pnc/{pncId}", "/api/v1/offenders/{id}/risk-assessments", "/api/v1/areas",
                "/api/v1/areas/{code}", "/api/v1/{anything}/probe"));
    }

    @Test
    void aPathIsNamedByItsTemplateAndALiteralSegmentWins() {
        assertEquals("/api/v1/offenders/{id}", templates.of("/api/v1/offenders/5b0c6a5e-0000-4000-8000-000000000001"));
        assertEquals("/api/v1/offenders/batch", templates.of("/api/v1/offenders/batch"));
        assertEquals("/api/v1/offenders/by-pnc/{pncId}", templates.of("/api/v1/offenders/by-pnc/2011%2F0645681U"));
        assertEquals("/api/v1/offenders/{id}/risk-assessments", templates.of("/api/v1/offenders/x/risk-assessments"));
        assertEquals("/api/v1/offenders", templates.of("/api/v1/offenders"));
        assertEquals("/api/v1/areas/{code}", templates.of("/api/v1/areas/BRS"));
        assertEquals("/api/v1/areas", templates.of("/api/v1/areas"));
    }

    @Test
    void aTemplateWithAParameterInItsFirstSegmentsIsStillFound() {
        assertEquals("/api/v1/{anything}/probe", templates.of("/api/v1/whatever/probe"));
    }

    @Test
    void aPathOutsideTheApiIsNamedAsSuch() {
        assertEquals("/**", templates.of("/q/health"));
    }

    @Test
    void theResourceIsTheFirstThreeSegments() {
        assertEquals("/api/v1/offenders", PathTemplates.resource("/api/v1/offenders/{id}"));
        assertEquals("/api/v1/offenders", PathTemplates.resource("/api/v1/offenders"));
        assertEquals("/api/v1/offenders", PathTemplates.resource("/api/v1/offenders/"));
        assertNull(PathTemplates.resource("/api/v1"));
    }
}
