package uk.police.oversight.notifications.webhooks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Where webhooks may go, and how deliveries are made (docs/runbook.md, "Webhooks"). */
@ConfigMapping(prefix = "oversight.webhooks")
public interface WebhookConfig {

    /** Plain http targets (locally, to try a receiver); https only otherwise. */
    @WithDefault("false")
    boolean allowHttp();

    /** Loopback targets (locally, to try a receiver on the same machine). */
    @WithDefault("false")
    boolean allowLoopback();

    /** Private ranges (CIDR) where the force's own systems live and webhooks may go, e.g. 10.20.0.0/16. */
    Optional<List<String>> allowedRanges();

    /** This system's own endpoints (host:port), never a webhook target whatever the ranges say. */
    Optional<List<String>> deniedTargets();

    /** Subscriptions disabled after this many consecutive failed deliveries. */
    @WithDefault("10")
    int disableAfterFailures();

    /** Time to connect to a force system. */
    @WithDefault("3s")
    Duration connectTimeout();

    /** Time a force system may take to answer. */
    @WithDefault("5s")
    Duration answerTimeout();
}
