package uk.police.oversight.testing;

import io.smallrye.jwt.build.Jwt;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import uk.police.oversight.local.LocalKeys;

/** Bearer tokens for tests, signed with the run's test key, and a few deliberately bad ones. */
public final class TestTokens {

    private static volatile LocalKeys keys;

    private TestTokens() {
    }

    static void use(LocalKeys testKeys) {
        keys = testKeys;
    }

    private static LocalKeys keys() {
        if (keys == null) {
            keys = LocalKeys.in(Path.of(System.getProperty("oversight.test.dir", "target"), "test-keys"));
        }
        return keys;
    }

    public static String token(String subject, List<String> roles, List<String> areas) {
        return keys().token(subject, roles, areas, Duration.ofMinutes(30));
    }

    public static String bearer(String subject, List<String> roles, List<String> areas) {
        return "Bearer " + token(subject, roles, areas);
    }

    public static String manager(String subject, String... areas) {
        return bearer(subject, List.of("offender-manager"), Arrays.asList(areas));
    }

    public static String supervisor(String subject, String... areas) {
        return bearer(subject, List.of("supervisor"), Arrays.asList(areas));
    }

    public static String integration() {
        return bearer("force-records-system", List.of("integration"), List.of());
    }

    public static String admin() {
        return bearer("admin-user", List.of("admin"), List.of());
    }

    public static String scrutiny() {
        return bearer("pcc-analyst", List.of("scrutiny"), List.of());
    }

    /** A well-signed admin token that expired an hour ago. */
    public static String expired() {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        return "Bearer " + Jwt.issuer(LocalKeys.ISSUER).audience(LocalKeys.AUDIENCE).subject("admin-user")
                .groups(Set.of("admin")).issuedAt(past).expiresAt(past.plus(Duration.ofHours(1)))
                .jws().sign(keys().readPrivateKey());
    }

    /** A well-signed admin token for another audience. */
    public static String wrongAudience() {
        return "Bearer " + Jwt.issuer(LocalKeys.ISSUER).audience("some-other-api").subject("admin-user")
                .groups(Set.of("admin")).expiresIn(Duration.ofMinutes(10)).jws().sign(keys().readPrivateKey());
    }

    /** A well-signed admin token from another issuer. */
    public static String wrongIssuer() {
        return "Bearer " + Jwt.issuer("https://impostor.example").audience(LocalKeys.AUDIENCE).subject("admin-user")
                .groups(Set.of("admin")).expiresIn(Duration.ofMinutes(10)).jws().sign(keys().readPrivateKey());
    }

    /** An admin token signed by a key the services do not trust. */
    public static String wrongKey() {
        try {
            LocalKeys other = LocalKeys.in(Files.createTempDirectory("untrusted-keys"));
            return "Bearer " + other.token("admin-user", List.of("admin"), List.of(), Duration.ofMinutes(10));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** An unsigned admin token (`alg: none`). */
    public static String unsigned() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        long exp = Instant.now().plus(Duration.ofMinutes(10)).getEpochSecond();
        String payload = b64.encodeToString(("{\"iss\":\"" + LocalKeys.ISSUER + "\",\"aud\":\"" + LocalKeys.AUDIENCE
                + "\",\"sub\":\"admin-user\",\"groups\":[\"admin\"],\"exp\":" + exp + "}").getBytes(StandardCharsets.UTF_8));
        return "Bearer " + header + "." + payload + ".";
    }
}
