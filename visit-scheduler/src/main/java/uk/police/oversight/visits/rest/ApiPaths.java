package uk.police.oversight.visits.rest;

/** The paths visit-scheduler serves, under the public base path. */
public final class ApiPaths {

    public static final String BASE = "/api/v1";
    public static final String VISITS = BASE + "/visits";
    public static final String SCHEDULES = BASE + "/schedules";
    public static final String OVERDUE_VISITS = BASE + "/overdue-visits";
    public static final String OVERDUE_RISK_REVIEWS = BASE + "/overdue-risk-reviews";
    public static final String VISIT_POLICY = BASE + "/visit-policy";
    public static final String COMPLIANCE_SCANS = BASE + "/compliance-scans";
    public static final String PROJECTION = BASE + "/projection";

    private ApiPaths() {
    }
}
