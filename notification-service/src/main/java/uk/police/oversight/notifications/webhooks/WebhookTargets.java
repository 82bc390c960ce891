package uk.police.oversight.notifications.webhooks;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decides where a webhook may be delivered, so that the subscription API cannot be used to reach what a force
 * system has no business reaching (SSRF): the cloud metadata service, link-local and multicast addresses, and this
 * system's own services, databases, broker and mail relay. A URL's host is resolved and every address it resolves
 * to is checked, at subscription and again at every delivery, and the delivery then goes to the address that was
 * checked (a name that resolves differently a second later, DNS rebinding, gains nothing). Loopback and private
 * ranges are refused unless the deployment allows them (docs/runbook.md, "Webhooks").
 */
@ApplicationScoped
public class WebhookTargets {

    /** Metadata services of the clouds a force may run on (AWS, GCP, Azure, Alibaba, Oracle, AWS IPv6). */
    private static final List<IpSubnetFilterRule> METADATA = rules("169.254.0.0/16", "100.100.100.200/32", "fd00:ec2::254/128");
    /** Private and shared ranges: a force's own network, which only configuration opens. */
    private static final List<IpSubnetFilterRule> PRIVATE = rules("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16",
            "100.64.0.0/10", "fc00::/7");
    /** Never a host: "this network", broadcast, documentation and benchmarking ranges, the IPv4/IPv6 translation prefix. */
    private static final List<IpSubnetFilterRule> NOWHERE = rules("0.0.0.0/8", "255.255.255.255/32", "192.0.0.0/24",
            "192.0.2.0/24", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "240.0.0.0/4", "64:ff9b::/96",
            "2001:db8::/32");

    @Inject
    WebhookConfig config;

    /** A URL that may be delivered to, with the one address it is delivered to; or why not. */
    public record Target(URI uri, String host, int port, boolean https, InetAddress address) {
    }

    /**
     * Thrown with the reason a URL may not be a webhook target (told to the admin, recorded on a delivery).
     * {@code temporary}: the host did not resolve, which may pass; anything else will not.
     */
    public static final class Refused extends Exception {
        private final boolean temporary;

        public Refused(String reason) {
            this(reason, false);
        }

        Refused(String reason, boolean temporary) {
            super(reason, null, false, false);
            this.temporary = temporary;
        }

        public boolean temporary() {
            return temporary;
        }
    }

    /** Parses, resolves and checks a URL; answers the address to deliver to. */
    public Target check(String url) throws Refused {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new Refused("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(config.allowHttp() && scheme.equals("http"))) {
            throw new Refused(config.allowHttp() ? "must be an http or https URL" : "must be an https URL");
        }
        if (uri.getUserInfo() != null || uri.getRawAuthority() != null && uri.getRawAuthority().contains("@")) {
            throw new Refused("must not carry credentials; the secret signs deliveries");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new Refused("must name a host");
        }
        if (uri.getFragment() != null) {
            throw new Refused("must not have a fragment");
        }
        int port = uri.getPort() > 0 ? uri.getPort() : (scheme.equals("https") ? 443 : 80);
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bare);
        } catch (UnknownHostException | SecurityException e) {
            throw new Refused("names a host that does not resolve (" + abbreviate(bare) + ")", true);
        }
        if (addresses.length == 0) {
            throw new Refused("names a host that does not resolve (" + abbreviate(bare) + ")", true);
        }
        // Every address the name resolves to must be allowed: a resolver may hand out any one of them.
        for (InetAddress address : addresses) {
            String problem = problem(address, port);
            if (problem != null) {
                throw new Refused(problem);
            }
        }
        return new Target(uri, bare, port, scheme.equals("https"), addresses[0]);
    }

    /** Why a resolved address and port may not be delivered to, or null when it may. */
    String problem(InetAddress resolved, int port) {
        InetAddress address = unmapped(resolved);
        InetSocketAddress socket = new InetSocketAddress(address, port);
        if (matches(METADATA, socket) || address.isLinkLocalAddress()) {
            return "resolves to a link-local or cloud metadata address, which webhooks never reach";
        }
        if (address.isAnyLocalAddress() || address.isMulticastAddress() || matches(NOWHERE, socket)) {
            return "resolves to an address that is not a host (" + address.getHostAddress() + ")";
        }
        for (InetSocketAddress own : ownAddresses()) {
            if (own.getPort() == port && (own.getAddress().equals(address)
                    || own.getAddress().isLoopbackAddress() && address.isLoopbackAddress())) {
                return "names one of this system's own services, databases, broker or mail relay";
            }
        }
        if (matches(allowedRanges(), socket)) {
            return null;
        }
        if (address.isLoopbackAddress()) {
            return config.allowLoopback() ? null : "resolves to a loopback address, which this deployment does not allow";
        }
        if (matches(PRIVATE, socket) || address.isSiteLocalAddress()) {
            return "resolves to a private address (" + address.getHostAddress() + ") outside the ranges this deployment allows";
        }
        return null;
    }

    /** An IPv4-mapped IPv6 address (::ffff:127.0.0.1) checked as the IPv4 address it is. */
    static InetAddress unmapped(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] bytes = v6.getAddress();
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= bytes[i] == 0;
            }
            mapped &= bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
            if (mapped) {
                try {
                    return Inet4Address.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]});
                } catch (UnknownHostException e) {
                    return address;
                }
            }
        }
        return address;
    }

    /** The system's own endpoints (host:port), resolved now: they may move, and a name may resolve to several. */
    private List<InetSocketAddress> ownAddresses() {
        List<InetSocketAddress> own = new ArrayList<>();
        for (String target : config.deniedTargets().orElse(List.of())) {
            int colon = target.lastIndexOf(':');
            if (colon <= 0) {
                continue;
            }
            String host = target.substring(0, colon).replace("[", "").replace("]", "").strip();
            int port;
            try {
                port = Integer.parseInt(target.substring(colon + 1).strip());
            } catch (NumberFormatException e) {
                continue;
            }
            try {
                for (InetAddress address : InetAddress.getAllByName(host)) {
                    own.add(new InetSocketAddress(unmapped(address), port));
                }
            } catch (UnknownHostException e) {
                // Not resolvable here now: nothing to compare against.
            }
        }
        return own;
    }

    private List<IpSubnetFilterRule> allowedRanges() {
        return rules(config.allowedRanges().orElse(List.of()).toArray(String[]::new));
    }

    private static boolean matches(List<IpSubnetFilterRule> rules, InetSocketAddress address) {
        for (IpSubnetFilterRule rule : rules) {
            if (rule.matches(address)) {
                return true;
            }
        }
        return false;
    }

    static List<IpSubnetFilterRule> rules(String... cidrs) {
        List<IpSubnetFilterRule> rules = new ArrayList<>();
        for (String cidr : cidrs) {
            String[] parts = cidr.strip().split("/");
            rules.add(new IpSubnetFilterRule(parts[0], Integer.parseInt(parts[1]), IpFilterRuleType.ACCEPT));
        }
        return rules;
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
