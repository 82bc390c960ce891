package uk.police.oversight.web;

import io.smallrye.config.ConfigMapping;
import java.net.URI;
import java.util.Optional;

/** Where the API is, the secret the forms' CSRF tokens are signed with, and the identity provider's origin. */
@ConfigMapping(prefix = "oversight.web")
public interface WebConfig {

    /** The gateway, as the web app reaches it (the API is under /api/v1). */
    URI gatewayUrl();

    /** Signs the CSRF tokens of the forms; the same on every replica. At least 32 characters. */
    String csrfSecret();

    /** The identity provider's origin, when its sign-in page is on another origin than the app (for the CSP). */
    Optional<String> identityProviderOrigin();
}
