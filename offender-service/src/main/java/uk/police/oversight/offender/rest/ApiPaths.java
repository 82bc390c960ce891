package uk.police.oversight.offender.rest;

/** The paths offender-service serves, under the public base path. */
public final class ApiPaths {

    public static final String BASE = "/api/v1";
    public static final String AREAS = BASE + "/areas";
    public static final String STAFF = BASE + "/staff";
    public static final String OFFENDERS = BASE + "/offenders";

    private ApiPaths() {
    }
}
