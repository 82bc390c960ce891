package uk.police.oversight.testing;

import org.eclipse.microprofile.config.ConfigProvider;

/** Where the service under test serves health and metrics: its management interface, never the public port. */
public final class ManagementInterface {

    private ManagementInterface() {
    }

    /** The URL of a path on the management interface (e.g. {@code /q/metrics}), as Quarkus reported it started it. */
    public static String url(String path) {
        String base = ConfigProvider.getConfig().getValue("test.management.url", String.class);
        return (base.endsWith("/q") ? base.substring(0, base.length() - 2) : base) + path;
    }
}
