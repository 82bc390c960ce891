package uk.police.oversight.web.pages;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * GOV.UK Frontend's stylesheet asks for its images at /assets/ (its default asset path): served from the webjar. The
 * GDS Transport font is for GOV.UK's own domain and is not shipped; the pages use Arial (static/app.css).
 */
@ApplicationScoped
public class Assets {

    static final String GOVUK = "META-INF/resources/webjars/govuk-frontend/" + GovukVersion.VERSION + "/dist/govuk";

    void register(@Observes Router router) {
        router.route("/assets/*").handler(StaticHandler.create(GOVUK + "/assets").setCachingEnabled(true).setDirectoryListing(false));
    }
}
