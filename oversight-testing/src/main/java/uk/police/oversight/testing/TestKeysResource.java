package uk.police.oversight.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;
import uk.police.oversight.local.LocalKeys;

/** Generates a throwaway RSA key pair for a test run: the service verifies with it, {@link TestTokens} signs with it. */
public class TestKeysResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Path directory = Path.of(System.getProperty("oversight.test.dir", "target"), "test-keys");
        LocalKeys keys = LocalKeys.in(directory);
        TestTokens.use(keys);
        return Map.of(
                "mp.jwt.verify.publickey.location", keys.publicKeyFile().toUri().toString(),
                "mp.jwt.verify.issuer", LocalKeys.ISSUER,
                "mp.jwt.verify.audiences", LocalKeys.AUDIENCE);
    }

    @Override
    public void stop() {
        // The keys are throwaway files under target/; nothing to release.
    }
}
