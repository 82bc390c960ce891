package uk.police.oversight.web.pages;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import org.junit.jupiter.api.Test;

class GovukVersionTest {

    @Test
    void thePagesLoadTheGovukFrontendOfTheWebjarOnTheClasspath() throws Exception {
        String base = "META-INF/resources/webjars/govuk-frontend/" + GovukVersion.VERSION + "/dist/govuk/";
        for (String file : new String[] {"govuk-frontend.min.css", "govuk-frontend.min.js", "assets/images/favicon.ico"}) {
            assertNotNull(getClass().getClassLoader().getResource(base + file), base + file);
        }
        try (InputStream script = getClass().getClassLoader().getResourceAsStream("META-INF/resources/static/app.js")) {
            String text = new String(script.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(text.contains("/webjars/govuk-frontend/" + GovukVersion.VERSION + "/"), "app.js imports the same version");
        }
    }
}
