package dev.ataemu.sip.dns;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Cache;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.NAPTRRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Finds where SIP requests for a server name go, as RFC 3263 describes, by asking the device's own
 * DNS servers (the host's resolvers when it has none). Answers are cached for their TTL, per device:
 * two devices of a fleet may use different DNS servers.
 */
public final class SipResolver {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final Resolver resolver;
    private final Cache cache = new Cache(DClass.IN);

    /** @param servers the DNS servers to ask, in order; empty for the host's own */
    public SipResolver(List<InetSocketAddress> servers) {
        ExtendedResolver extended = servers.isEmpty() ? new ExtendedResolver()
                : new ExtendedResolver(servers.stream().map(SimpleResolver::new).toArray(Resolver[]::new));
        extended.setTimeout(TIMEOUT);
        extended.setRetries(2);
        this.resolver = extended;
    }

    /**
     * The targets for {@code host} in the order to try them.
     *
     * @param port      the port the configuration names, 0 for none (then SRV may name one)
     * @param transport UDP, TCP or TLS
     * @param configured the IPs to use in {@link DnsMode#CONFIGURED_IP}, in order
     * @throws UnknownHostException when nothing is found
     */
    public List<SipTarget> targets(String host, int port, String transport, DnsMode mode, List<String> configured)
            throws UnknownHostException {
        String upper = transport.toUpperCase(Locale.ROOT);
        int defaultPort = "TLS".equals(upper) ? 5061 : 5060;
        List<SipTarget> found = new ArrayList<>();
        if (isLiteral(host)) {
            found.add(new SipTarget(InetAddress.getByName(host), port > 0 ? port : defaultPort));
        } else if (mode == DnsMode.CONFIGURED_IP) {
            for (String ip : configured) {
                if (!ip.isBlank() && isLiteral(ip.strip())) {
                    found.add(new SipTarget(InetAddress.getByName(ip.strip()), port > 0 ? port : defaultPort));
                }
            }
        } else if (port > 0 || mode == DnsMode.A_RECORD) {
            addresses(host).forEach(address -> found.add(new SipTarget(address, port > 0 ? port : defaultPort)));
        } else {
            List<String> srvNames = mode == DnsMode.NAPTR_SRV ? naptr(host, upper) : List.of();
            if (srvNames.isEmpty()) {
                srvNames = List.of(srvPrefix(upper) + host);
            }
            for (String srvName : srvNames) {
                for (SRVRecord srv : srv(srvName)) {
                    String target = srv.getTarget().toString(true);
                    addresses(target).forEach(address -> found.add(new SipTarget(address, srv.getPort())));
                }
            }
            if (found.isEmpty()) {
                addresses(host).forEach(address -> found.add(new SipTarget(address, defaultPort)));
            }
        }
        if (found.isEmpty()) {
            throw new UnknownHostException("no address for " + host + " (" + mode + ")");
        }
        return List.copyOf(found);
    }

    /** The A records of a name (the hosts file first, as the host's own lookups do). */
    public List<InetAddress> addresses(String host) {
        if (isLiteral(host)) {
            try {
                return List.of(InetAddress.getByName(host));
            } catch (UnknownHostException e) {
                return List.of();
            }
        }
        List<InetAddress> addresses = new ArrayList<>();
        for (Record record : lookup(host, Type.A)) {
            addresses.add(((ARecord) record).getAddress());
        }
        return addresses;
    }

    private List<String> naptr(String host, String transport) {
        String service = switch (transport) {
            case "TCP" -> "SIP+D2T";
            case "TLS" -> "SIPS+D2T";
            default -> "SIP+D2U";
        };
        return lookup(host, Type.NAPTR).stream()
                .map(NAPTRRecord.class::cast)
                .filter(record -> record.getService().equalsIgnoreCase(service) && record.getFlags().equalsIgnoreCase("s"))
                .sorted(Comparator.comparingInt(NAPTRRecord::getOrder).thenComparingInt(NAPTRRecord::getPreference))
                .map(record -> record.getReplacement().toString(true))
                .toList();
    }

    /** SRV records by priority; within one priority, ordered by weighted chance (RFC 2782). */
    private List<SRVRecord> srv(String name) {
        List<SRVRecord> records = new ArrayList<>(lookup(name, Type.SRV).stream().map(SRVRecord.class::cast)
                .filter(record -> !record.getTarget().equals(Name.root)).toList());
        records.sort(Comparator.comparingInt(SRVRecord::getPriority));
        List<SRVRecord> ordered = new ArrayList<>();
        int start = 0;
        while (start < records.size()) {
            int end = start;
            while (end < records.size() && records.get(end).getPriority() == records.get(start).getPriority()) {
                end++;
            }
            ordered.addAll(byWeight(new ArrayList<>(records.subList(start, end))));
            start = end;
        }
        return ordered;
    }

    private static List<SRVRecord> byWeight(List<SRVRecord> group) {
        List<SRVRecord> ordered = new ArrayList<>();
        while (!group.isEmpty()) {
            int total = group.stream().mapToInt(SRVRecord::getWeight).sum();
            int pick = total == 0 ? 0 : ThreadLocalRandom.current().nextInt(total + 1);
            int running = 0;
            for (int i = 0; i < group.size(); i++) {
                running += group.get(i).getWeight();
                if (running >= pick) {
                    ordered.add(group.remove(i));
                    break;
                }
            }
        }
        return ordered;
    }

    private List<Record> lookup(String name, int type) {
        try {
            Lookup lookup = new Lookup(name.endsWith(".") ? name : name + ".", type);
            lookup.setResolver(resolver);
            lookup.setCache(cache);
            Record[] records = lookup.run();
            return records == null ? List.of() : List.of(records);
        } catch (TextParseException e) {
            return List.of();
        }
    }

    private static String srvPrefix(String transport) {
        return switch (transport) {
            case "TCP" -> "_sip._tcp.";
            case "TLS" -> "_sips._tcp.";
            default -> "_sip._udp.";
        };
    }

    /** An IPv4 or IPv6 literal, which needs no lookup. */
    public static boolean isLiteral(String host) {
        return host.matches("\\d{1,3}(\\.\\d{1,3}){3}") || host.startsWith("[") || host.indexOf(':') >= 0;
    }
}
