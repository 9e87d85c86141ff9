package dev.ataemu.sip.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ataemu.testing.peers.Dnsmasq;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RFC 3263 lookups against a real DNS server (dnsmasq): what each DNS mode (P103) finds, in which order. */
class SipResolverTest {

    @TempDir
    static Path work;

    private static Dnsmasq dns;
    private static SipResolver resolver;

    @BeforeAll
    static void startDns() {
        dns = Dnsmasq.builder(work)
                .a("sip1.example.test", "127.0.0.11")
                .a("sip2.example.test", "127.0.0.12")
                .a("plain.example.test", "127.0.0.13")
                .srv("_sip._udp.example.test", "sip2.example.test", 5072, 20, 10)
                .srv("_sip._udp.example.test", "sip1.example.test", 5071, 10, 10)
                .srv("_sip._tcp.example.test", "sip1.example.test", 5081, 10, 10)
                .srv("_sips._tcp.example.test", "sip2.example.test", 5091, 10, 10)
                .naptr("naptr.test", 20, 10, "SIP+D2U", "_sip._udp.example.test")
                .naptr("naptr.test", 10, 10, "SIP+D2T", "_sip._tcp.example.test")
                .start();
        resolver = new SipResolver(List.of(dns.address()));
    }

    @AfterAll
    static void stopDns() {
        dns.close();
    }

    @Test
    @DisplayName("PLAT-32 A record mode: the name's address on the default port or the one configured")
    void aRecords() throws Exception {
        assertThat(resolver.targets("plain.example.test", 0, "UDP", DnsMode.A_RECORD, List.of()))
                .extracting(SipTarget::toString).containsExactly("127.0.0.13:5060");
        assertThat(resolver.targets("plain.example.test", 7000, "UDP", DnsMode.SRV, List.of()))
                .as("a configured port skips SRV").extracting(SipTarget::toString).containsExactly("127.0.0.13:7000");
        assertThat(resolver.targets("plain.example.test", 0, "TLS", DnsMode.A_RECORD, List.of()))
                .extracting(SipTarget::toString).containsExactly("127.0.0.13:5061");
    }

    @Test
    @DisplayName("SIP-17 PLAT-32 SRV mode: targets by priority, per transport; a name without SRV falls back to A")
    void srvRecords() throws Exception {
        assertThat(resolver.targets("example.test", 0, "UDP", DnsMode.SRV, List.of()))
                .extracting(SipTarget::toString).containsExactly("127.0.0.11:5071", "127.0.0.12:5072");
        assertThat(resolver.targets("example.test", 0, "TCP", DnsMode.SRV, List.of()))
                .extracting(SipTarget::toString).containsExactly("127.0.0.11:5081");
        assertThat(resolver.targets("example.test", 0, "TLS", DnsMode.SRV, List.of()))
                .extracting(SipTarget::toString).containsExactly("127.0.0.12:5091");
        assertThat(resolver.targets("plain.example.test", 0, "UDP", DnsMode.SRV, List.of()))
                .extracting(SipTarget::toString).containsExactly("127.0.0.13:5060");
    }

    @Test
    @DisplayName("PLAT-32 NAPTR/SRV mode: the NAPTR record of the transport leads to its SRV name")
    void naptrRecords() throws Exception {
        assertThat(resolver.targets("naptr.test", 0, "UDP", DnsMode.NAPTR_SRV, List.of()))
                .extracting(SipTarget::toString).containsExactly("127.0.0.11:5071", "127.0.0.12:5072");
        assertThat(resolver.targets("naptr.test", 0, "TCP", DnsMode.NAPTR_SRV, List.of()))
                .extracting(SipTarget::toString).containsExactly("127.0.0.11:5081");
        assertThat(resolver.targets("example.test", 0, "UDP", DnsMode.NAPTR_SRV, List.of()))
                .as("no NAPTR: SRV").extracting(SipTarget::toString).containsExactly("127.0.0.11:5071", "127.0.0.12:5072");
    }

    @Test
    @DisplayName("PLAT-32 configured-IP mode asks no DNS; unknown names fail clearly")
    void configuredAndUnknown() throws Exception {
        assertThat(resolver.targets("anything.test", 0, "UDP", DnsMode.CONFIGURED_IP, List.of("10.0.0.1", "", "10.0.0.3")))
                .extracting(SipTarget::toString).containsExactly("10.0.0.1:5060", "10.0.0.3:5060");
        assertThatThrownBy(() -> resolver.targets("missing.example.test", 0, "UDP", DnsMode.SRV, List.of()))
                .isInstanceOf(UnknownHostException.class).hasMessageContaining("missing.example.test");
    }

    @Test
    @DisplayName("PLAT-33 a target marked failed is skipped until the failures are forgotten")
    void failedTargetsAreSkipped() {
        HopResolver hops = new HopResolver(resolver, DnsMode.SRV, List.of());
        assertThat(hops.choose("example.test", 0, "UDP")).hasToString("127.0.0.11:5071");
        assertThat(hops.failed("example.test", 0, "UDP")).isTrue();
        assertThat(hops.choose("example.test", 0, "UDP")).hasToString("127.0.0.12:5072");
        assertThat(hops.failed("example.test", 0, "UDP")).isFalse();
        hops.forgetFailures();
        assertThat(hops.choose("example.test", 0, "UDP")).hasToString("127.0.0.11:5071");
    }
}
