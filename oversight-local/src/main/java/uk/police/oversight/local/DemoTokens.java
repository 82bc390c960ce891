package uk.police.oversight.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import uk.police.oversight.local.demo.DemoForce;
import uk.police.oversight.local.demo.DemoLoader;

/** Tokens for the demo force's people, printed by `up` and written to {@code <home>/demo-tokens.env}. */
final class DemoTokens {

    record Token(String variable, String jwt, String who) {
    }

    private DemoTokens() {
    }

    static List<Token> all(LocalKeys keys) {
        List<DemoForce.Staff> staff = DemoForce.staffOnly();
        DemoForce.Staff manager = first(staff, "OFFENDER_MANAGER");
        DemoForce.Staff supervisor = first(staff, "SUPERVISOR");
        Duration hours = Duration.ofHours(8);
        return List.of(
                new Token("MANAGER", keys.token(manager.staffNumber(), List.of("offender-manager"), List.of("BRS"), hours),
                        manager.name() + " (" + manager.staffNumber() + "), offender manager in Bristol"),
                new Token("SUPERVISOR", keys.token(supervisor.staffNumber(), List.of("supervisor"), List.of("BRS"), hours),
                        supervisor.name() + " (" + supervisor.staffNumber() + "), supervisor in Bristol"),
                new Token("INTEGRATION", keys.token("force-records-system", List.of("integration"), List.of(), hours),
                        "the force's records system, force-wide"),
                new Token("SCRUTINY", keys.token("inspector", List.of("scrutiny"), List.of(), hours),
                        "an inspector: compliance figures only, no personal data"),
                new Token("PANEL", keys.token(DemoLoader.PANEL_MEMBER, List.of("panel"), List.of(), hours),
                        "a lay member of the assurance panel: the pseudonymised case files of their sample"),
                new Token("ADMIN", keys.token("admin-user", List.of("admin"), List.of(), hours), "a system administrator"));
    }

    /** Writes the tokens as shell assignments, readable only by the owner. */
    static Path write(Path home, List<Token> tokens) {
        Path file = home.resolve("demo-tokens.env");
        StringBuilder text = new StringBuilder("# Demo tokens, valid 8 hours: source this file\n");
        for (Token token : tokens) {
            text.append("# ").append(token.who()).append('\n')
                    .append("export ").append(token.variable()).append('=').append(token.jwt()).append('\n');
        }
        try {
            Files.writeString(file, text);
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static DemoForce.Staff first(List<DemoForce.Staff> staff, String role) {
        return staff.stream().filter(s -> s.role().equals(role) && s.areaCode().equals("BRS")).findFirst().orElseThrow();
    }
}
