package uk.police.oversight.assurance.upstream;

import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.police.oversight.common.security.Roles;

/**
 * This service's own bearer token, for what it does on nobody's behalf or what its caller may not see itself: the
 * scheduled MONTHLY snapshot, the population a sample is drawn from, the case files a panel member reads. A short-lived
 * RS256 token with the integration role, signed with this service's key, renewed before it expires; the services it
 * calls verify and audit it like any other caller's.
 */
@ApplicationScoped
public class ServiceIdentity {

    private static final Duration LIFETIME = Duration.ofMinutes(5);

    @ConfigProperty(name = "oversight.assurance.identity.key-location")
    Optional<String> keyLocation;

    @ConfigProperty(name = "oversight.assurance.identity.subject")
    String subject;

    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    @ConfigProperty(name = "mp.jwt.verify.audiences")
    String audience;

    @Inject
    Clock clock;

    private PrivateKey key;
    private String token;
    private Instant renewAt = Instant.MIN;

    /** "Bearer …" for this service. */
    public synchronized String bearer() {
        Instant now = clock.instant();
        if (token == null || now.isAfter(renewAt)) {
            token = Jwt.issuer(issuer).audience(audience).subject(subject).upn(subject)
                    .groups(Set.of(Roles.INTEGRATION)).claim("areas", List.of())
                    .expiresIn(LIFETIME).jws().keyId(subject).sign(key());
            renewAt = now.plus(LIFETIME.dividedBy(2));
        }
        return "Bearer " + token;
    }

    private PrivateKey key() {
        if (key == null) {
            String location = keyLocation.filter(s -> !s.isBlank()).orElseThrow(() -> new IllegalStateException(
                    "oversight.assurance.identity.key-location (ASSURANCE_IDENTITY_KEY_LOCATION) names no key"));
            try {
                String pem = Files.readString(Path.of(location.replaceFirst("^file:", "")))
                        .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
                key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read this service's key at " + location, e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("The key at " + location + " is not a PKCS#8 RSA private key", e);
            }
        }
        return key;
    }
}
