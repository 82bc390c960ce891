package uk.police.oversight.local;

import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The local signing key behind `./oversight token`: an RSA key pair generated on first use into a folder that is
 * never committed. The services of the local stack verify tokens with its public half.
 */
public final class LocalKeys {

    public static final String ISSUER = "https://oversight.local";
    public static final String AUDIENCE = "oversight-api";

    private final Path privateKey;
    private final Path publicKey;

    private LocalKeys(Path directory) {
        this.privateKey = directory.resolve("private.pem");
        this.publicKey = directory.resolve("public.pem");
    }

    /** The key pair in {@code directory}, generated there if absent. */
    public static LocalKeys in(Path directory) {
        LocalKeys keys = new LocalKeys(directory);
        if (!Files.exists(keys.privateKey) || !Files.exists(keys.publicKey)) {
            keys.generate(directory);
        }
        return keys;
    }

    public Path publicKeyFile() {
        return publicKey;
    }

    public Path privateKeyFile() {
        return privateKey;
    }

    /** A signed RS256 token with the claims the services read: sub, groups, areas. */
    public String token(String subject, Collection<String> roles, Collection<String> areas, Duration lifetime) {
        return Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .upn(subject)
                .groups(Set.copyOf(roles))
                .claim("areas", List.copyOf(areas))
                .expiresIn(lifetime)
                .jws().keyId("oversight-local")
                .sign(readPrivateKey());
    }

    /**
     * A random secret of 32 bytes (base64url), kept beside the keys under {@code name}.secret and made on first use:
     * the web app's session and client secrets.
     */
    public String secret(String name) {
        Path file = privateKey.getParent().resolve(name + ".secret");
        try {
            if (!Files.exists(file)) {
                byte[] random = new byte[32];
                new java.security.SecureRandom().nextBytes(random);
                Path tmp = Files.createTempFile(file.getParent(), name, ".tmp");
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // Not a POSIX file system: the folder's own permissions have to do.
                }
                Files.writeString(tmp, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
                Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the secret " + file, e);
        }
    }

    public PrivateKey readPrivateKey() {
        try {
            String pem = Files.readString(privateKey)
                    .replace("-----BEGIN PRIVATE KEY-----", "")
                    .replace("-----END PRIVATE KEY-----", "")
                    .replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The local private key " + privateKey + " is not a PKCS#8 RSA key", e);
        }
    }

    private void generate(Path directory) {
        try {
            Files.createDirectories(directory);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Path tmpPrivate = Files.createTempFile(directory, "private", ".tmp");
            try {
                Files.setPosixFilePermissions(tmpPrivate, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // Not a POSIX file system: the folder's own permissions have to do.
            }
            Files.writeString(tmpPrivate, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            Files.move(tmpPrivate, privateKey, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the local key pair to " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
