package dev.ataemu.core.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.core.device.RegistrationState;
import dev.ataemu.testing.peers.Dnsmasq;
import dev.ataemu.testing.peers.Kamailio;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Accounts that find their servers through a real DNS server (dnsmasq) and reach them through a real
 * Kamailio: SRV and NAPTR lookups (P103 / P702), the next SRV target when the first refuses, and the
 * backup outbound proxy (P2333 / P2433) when the outbound proxy refuses.
 */
class ServerLookupTest {

    private static final Map<String, String> USERS = Map.of("1001", "alpha-1", "1002", "beta-2");

    @TempDir
    Path work;

    @Test
    @DisplayName("SIP-17 PLAT-32 the accounts find their registrar through DNS SRV (P103) and NAPTR/SRV (P702)")
    void registersThroughSrvAndNaptr() throws Exception {
        try (Kamailio kamailio = Kamailio.builder(work.resolve("kamailio")).users(USERS).start();
             Dnsmasq dns = Dnsmasq.builder(work.resolve("dns"))
                     .a("sip1.pbx.test", "127.0.0.1")
                     .srv("_sip._udp.pbx.test", "sip1.pbx.test", kamailio.port(), 10, 10)
                     .naptr("naptr.test", 10, 10, "SIP+D2U", "_sip._udp.naptr.test")
                     .srv("_sip._udp.naptr.test", "sip1.pbx.test", kamailio.port(), 10, 10)
                     .start();
             CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT502, Map.of(
                     "P47", "pbx.test", "P34", "alpha-1", "P103", "1",
                     "P747", "naptr.test", "P735", "1002", "P734", "beta-2", "P702", "2"), List.of(dns.address()))) {
            await(Duration.ofSeconds(15), () -> kamailio.isRegistered("1001") && kamailio.isRegistered("1002"));

            assertThat(kamailio.isRegistered("1001")).as(() -> dns.log()).isTrue();
            assertThat(kamailio.isRegistered("1002")).as(() -> dns.log()).isTrue();
            assertThat(dns.log()).contains("query[SRV] _sip._udp.pbx.test").contains("query[NAPTR] naptr.test")
                    .contains("query[SRV] _sip._udp.naptr.test");
            assertThat(kamailio.registrations()).contains("sip:1001@127.0.0.1");
            assertThat(calling.device.status().ports())
                    .allMatch(port -> port.registration() == RegistrationState.REGISTERED);
        }
    }

    @Test
    @DisplayName("PLAT-33 SIP-06 a refusing first SRV target sends the account to the next one; "
            + "a refusing outbound proxy sends it through the backup outbound proxy")
    void movesOnToTheNextTargetAndTheBackupProxy() throws Exception {
        try (Kamailio kamailio = Kamailio.builder(work.resolve("kamailio")).users(USERS).start();
             RefusingServer firstTarget = new RefusingServer();
             RefusingServer proxy = new RefusingServer();
             Dnsmasq dns = Dnsmasq.builder(work.resolve("dns"))
                     .a("sip1.pbx.test", "127.0.0.1")
                     .srv("_sip._udp.pbx.test", "sip1.pbx.test", firstTarget.port(), 10, 10)
                     .srv("_sip._udp.pbx.test", "sip1.pbx.test", kamailio.port(), 20, 10)
                     .start();
             CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT813, Map.of(
                     "P47", "pbx.test", "P34", "alpha-1", "P103", "1",
                     "P747", kamailio.hostPort(), "P735", "1002", "P734", "beta-2",
                     "P748", "127.0.0.1:" + proxy.port(), "P2433", kamailio.hostPort()), List.of(dns.address()))) {
            await(Duration.ofSeconds(15), () -> kamailio.isRegistered("1001") && kamailio.isRegistered("1002"));

            assertThat(kamailio.isRegistered("1001")).as(() -> dns.log()).isTrue();
            assertThat(firstTarget.refused()).as("the priority-10 target was tried first").isPositive();
            assertThat(firstTarget.seen()).startsWith("REGISTER sip:pbx.test SIP/2.0");
            assertThat(kamailio.isRegistered("1002")).isTrue();
            assertThat(proxy.seen()).as("the outbound proxy was tried first").contains("REGISTER sip:127.0.0.1:"
                    + kamailio.port()).contains("Route: <sip:127.0.0.1:" + proxy.port() + ";lr>");
        }
    }

    private static void await(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }
}
