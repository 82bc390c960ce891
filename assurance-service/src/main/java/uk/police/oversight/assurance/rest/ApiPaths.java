package uk.police.oversight.assurance.rest;

/** The paths assurance-service serves, under the public base path. */
public final class ApiPaths {

    public static final String BASE = "/api/v1";
    public static final String SNAPSHOTS = BASE + "/compliance-snapshots";
    public static final String TRENDS = BASE + "/compliance-trends";
    public static final String THRESHOLDS = BASE + "/performance-thresholds";
    public static final String BACKLOG = BASE + "/backlog-ageing";
    public static final String SAMPLES = BASE + "/assurance-samples";
    public static final String ACTIONS = BASE + "/actions";
    public static final String REPORTS = BASE + "/reports";

    private ApiPaths() {
    }
}
