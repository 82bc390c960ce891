package uk.police.oversight.common.security;

/** The `groups` a token may carry (SPEC section 5). */
public final class Roles {

    public static final String OFFENDER_MANAGER = "offender-manager";
    public static final String SUPERVISOR = "supervisor";
    public static final String INTEGRATION = "integration";
    public static final String SCRUTINY = "scrutiny";
    /** An independent assurance panel member: reads the pseudonymised case files of the samples naming them. */
    public static final String PANEL = "panel";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
