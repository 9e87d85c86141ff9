package dev.ataemu.sip.dns;

import gov.nist.core.net.AddressResolver;
import gov.nist.javax.sip.stack.HopImpl;
import java.io.UncheckedIOException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.address.Hop;

/**
 * Where jain-sip sends each request: the account's lookups (its DNS mode) turn the next hop's name
 * into an address. Of several targets (SRV records, configured IPs) the first that has not failed is
 * used; the account marks a target failed when it does not answer, and the next request for the
 * same name goes to the next target. Forgetting the failures sends the account back to the first,
 * so that it returns to the preferred server once that recovers. The stack asks it only while it
 * routes one of the account's own requests ({@link dev.ataemu.sip.stack.AccountRouter}).
 */
public final class HopResolver implements AddressResolver {

    private final SipResolver dns;
    private final DnsMode mode;
    private final List<String> configured;
    private final Map<String, SipTarget> inUse = new ConcurrentHashMap<>();
    private final Set<SipTarget> failed = ConcurrentHashMap.newKeySet();

    public HopResolver(SipResolver dns, DnsMode mode, List<String> configured) {
        this.dns = dns;
        this.mode = mode;
        this.configured = List.copyOf(configured);
    }

    @Override
    public Hop resolveAddress(Hop hop) {
        String host = hop.getHost();
        String transport = hop.getTransport() == null ? "UDP" : hop.getTransport();
        if (SipResolver.isLiteral(host)) {
            if (hop.getPort() > 0) {
                return hop;
            }
            return new HopImpl(host, "TLS".equalsIgnoreCase(transport) ? 5061 : 5060, transport);
        }
        // jain-sip fills in the transport's default port before asking, so that port reads as none
        // given: a server written with its default port is looked up through SRV like one without.
        int defaultPort = "TLS".equalsIgnoreCase(transport) ? 5061 : 5060;
        int port = hop.getPort() == defaultPort ? 0 : Math.max(0, hop.getPort());
        SipTarget chosen = choose(host, port, transport);
        return new HopImpl(chosen.address().getHostAddress(), chosen.port(), transport);
    }

    /**
     * Looks {@code host} up the way a request to it will be (a port that is the transport's default
     * counts as none), so that the request finds the answer in the cache.
     *
     * @throws UncheckedIOException when nothing is found
     */
    public void lookUp(String host, int port, String transport) {
        if (!SipResolver.isLiteral(host)) {
            int defaultPort = "TLS".equalsIgnoreCase(transport) ? 5061 : 5060;
            choose(host, port == defaultPort ? 0 : Math.max(0, port), transport);
        }
    }

    /** The target a request for {@code host} goes to now. */
    public SipTarget choose(String host, int port, String transport) {
        List<SipTarget> targets;
        try {
            targets = dns.targets(host, port, transport, mode, configured);
        } catch (UnknownHostException e) {
            throw new UncheckedIOException(e);
        }
        SipTarget chosen = targets.stream().filter(target -> !failed.contains(target)).findFirst().orElse(targets.get(0));
        inUse.put(key(host), chosen);
        return chosen;
    }

    /**
     * Marks the target now used for {@code host} as not answering.
     *
     * @return whether another target of that name is left to try
     */
    public boolean failed(String host, int port, String transport) {
        SipTarget current = inUse.get(key(host));
        if (current == null || SipResolver.isLiteral(host)) {
            return false;
        }
        failed.add(current);
        try {
            return dns.targets(host, port, transport, mode, configured).stream().anyMatch(target -> !failed.contains(target));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Starts again from the most preferred target of every name. */
    public void forgetFailures() {
        failed.clear();
    }

    private static String key(String host) {
        return host.toLowerCase(Locale.ROOT);
    }
}
