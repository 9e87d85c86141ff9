package dev.ataemu.sip.account;

import dev.ataemu.sip.dns.DnsMode;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * How an account reaches its servers and how it names itself to them.
 *
 * @param dnsMode          how server names become addresses (P103 / P702)
 * @param configuredIps    the primary and backup IPs of {@link DnsMode#CONFIGURED_IP} (HT502 P2308-P2310)
 * @param dnsServers       the device's DNS servers; empty for the host's
 * @param backupOutboundProxy where requests go when the outbound proxy does not answer; "" for none (P2333)
 * @param preferPrimaryOutboundProxy whether a renewal goes back to the outbound proxy from its backup (P28096)
 * @param natAddress       the address to name in Contact and SDP instead of our own; "" for none (P101)
 * @param stunServer       the STUN server that tells the account its public address; "" for none (P76 when P52 says STUN)
 * @param sipsScheme       whether, over TLS, the account's URIs use the sips scheme (HT813 P2329)
 * @param verifyServerCertificate whether TLS checks the server's certificate chain (P2367 / P2467)
 */
public record NetworkSettings(
        DnsMode dnsMode,
        List<String> configuredIps,
        List<InetSocketAddress> dnsServers,
        String backupOutboundProxy,
        boolean preferPrimaryOutboundProxy,
        String natAddress,
        String stunServer,
        boolean sipsScheme,
        boolean verifyServerCertificate) {

    public static final NetworkSettings DEFAULTS =
            new NetworkSettings(DnsMode.A_RECORD, List.of(), List.of(), "", false, "", "", false, false);

    public NetworkSettings {
        configuredIps = List.copyOf(configuredIps);
        dnsServers = List.copyOf(dnsServers);
    }

    public boolean hasBackupOutboundProxy() {
        return !backupOutboundProxy.isBlank();
    }
}
