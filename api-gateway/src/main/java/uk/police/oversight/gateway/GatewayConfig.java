package uk.police.oversight.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The gateway's configuration: where each path goes, and the limits it applies at the edge. */
@ConfigMapping(prefix = "oversight.gateway")
public interface GatewayConfig {

    /** The public port (0 picks a free one) and interface the gateway serves (Quarkus's own port is loopback only). */
    @WithDefault("8080")
    int port();

    @WithDefault("0.0.0.0")
    String host();

    /** Time a client connection may stay idle before the gateway closes it. */
    @WithDefault("60s")
    Duration clientIdleTimeout();

    /** The upstream services by name, each with its URL and the path prefixes it owns. */
    Map<String, Route> routes();

    /** Time to connect to an upstream before answering 503. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** Time an upstream may stay silent mid-request before the gateway gives up (503). */
    @WithDefault("60s")
    Duration idleTimeout();

    /** The largest request body accepted, in bytes (413 beyond). */
    @WithDefault("2097152")
    long maxBodySize();

    /**
     * The longest request target (path and query) accepted, in characters (414 beyond). The services read request
     * lines of up to 16 KB, so the gateway refuses longer ones itself, with a problem, instead of passing them on.
     */
    @WithDefault("8192")
    int maxUriLength();

    /** The most header bytes (names and values) a request may carry (431 beyond). */
    @WithDefault("16384")
    int maxHeaderBytes();

    RateLimit rateLimit();

    TokenCache tokenCache();

    /** How often the merged OpenAPI document is rebuilt from the services' own. */
    @WithDefault("60s")
    Duration openapiRefresh();

    /** The web app, which serves every path outside /api/ and /q/ (its pages sign users in themselves); none: 404. */
    Optional<URI> webAppUrl();

    /** The public URL of the API, for the merged OpenAPI document's servers entry. */
    Optional<String> publicUrl();

    /** An upstream service. */
    interface Route {
        URI url();

        List<String> paths();
    }

    /** Verified tokens remembered at the edge (each service verifies every token again regardless). */
    interface TokenCache {
        /** How many tokens at most; 0 verifies every request afresh. */
        @WithDefault("10000")
        int size();

        /** How long a verified token is trusted without a new check (never past its expiry). */
        @WithDefault("60s")
        Duration maxAge();
    }

    /** Requests allowed per client (token subject, or address when there is no valid token). */
    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        @WithName("per-minute")
        @WithDefault("1200")
        long perMinute();

        /** How many may come at once before the per-minute rate applies. */
        @WithDefault("200")
        long burst();
    }
}
