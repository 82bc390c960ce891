package uk.police.oversight.notifications.rest;

/** The paths notification-service serves, under the public base path. */
public final class ApiPaths {

    public static final String BASE = "/api/v1";
    public static final String NOTIFICATIONS = BASE + "/notifications";
    public static final String WEBHOOKS = BASE + "/webhooks";
    public static final String DIGESTS = BASE + "/digests";

    private ApiPaths() {
    }
}
