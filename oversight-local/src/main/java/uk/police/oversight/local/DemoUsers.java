package uk.police.oversight.local;

import java.util.List;
import java.util.Optional;
import uk.police.oversight.local.demo.DemoLoader;

/**
 * The demo force's people who sign in to the web app (SPEC section 10), the same subjects as the demo tokens: each
 * with the roles and areas the local identity provider puts in their tokens.
 */
public final class DemoUsers {

    /** A demo user: their username (the token's subject), roles, areas and who they are, in words. */
    public record User(String username, List<String> roles, List<String> areas, String who) {
    }

    public static final List<User> ALL = List.of(
            new User("BRS-M01", List.of("offender-manager"), List.of("BRS"), "offender manager, Bristol"),
            new User("BRS-S01", List.of("supervisor"), List.of("BRS"), "supervisor, Bristol"),
            new User("inspector", List.of("scrutiny"), List.of(), "scrutiny: the PCC's office, an inspector (figures only)"),
            new User(DemoLoader.PANEL_MEMBER, List.of("panel"), List.of(), "assurance panel member (the demo sample)"),
            new User("admin-user", List.of("admin"), List.of(), "administrator"));

    private DemoUsers() {
    }

    public static Optional<User> find(String username) {
        return ALL.stream().filter(u -> u.username().equals(username)).findFirst();
    }
}
