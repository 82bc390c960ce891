package uk.police.oversight.web.pages;

import io.quarkus.qute.TemplateGlobal;

/** The GOV.UK Frontend webjar the pages load (its version is the parent POM's; GovukVersionTest keeps them equal). */
@TemplateGlobal
public final class GovukVersion {

    public static final String VERSION = "5.14.0";

    /** Where the webjar's files are served, for the templates. */
    static String govuk = "/webjars/govuk-frontend/" + VERSION + "/dist/govuk";

    private GovukVersion() {
    }
}
