package dev.ataemu.core.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.device.Device;
import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.core.device.PowerState;
import dev.ataemu.core.device.RegistrationState;
import dev.ataemu.core.fault.ScriptedRegistrar.Reply;
import dev.ataemu.time.VirtualScheduler;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SIP server's name does not resolve: the device's DNS server says there is no such name, or
 * does not answer at all. The account stays unregistered and asks again after the retry wait; once
 * the name resolves it registers, without a reboot. On virtual time, with a DNS server of the test's.
 */
class SipDnsFaultTest {

    private static final String NAME = "pbx.fault.test";
    private static final Duration WIRE = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    private final VirtualScheduler scheduler = new VirtualScheduler();

    @Test
    @DisplayName("SIP-02 SIP-51 NET-02 a SIP server name the DNS server does not know (NXDOMAIN): not registered, no "
            + "REGISTER sent, asked again every 20 s and not sooner; registered once the name resolves")
    void unknownName() throws Exception {
        try (TestDns dns = new TestDns(); ScriptedRegistrar registrar = new ScriptedRegistrar()) {
            registrar.answer(Reply.of(200, "OK"));
            Device device = device(dns, registrar);
            VirtualTime.booted(device, scheduler);
            assertThat(VirtualTime.await(scheduler, WIRE, () -> dns.queries() >= 1)).isTrue();
            VirtualTime.await(scheduler, Duration.ofMillis(400), () -> false);
            assertThat(registration(device)).isEqualTo(RegistrationState.NOT_REGISTERED);
            assertThat(registrar.attempts()).as("no address, no REGISTER").isZero();

            int failures = 0;
            for (int retry = 1; retry <= 5; retry++) {
                int asked = dns.queries();
                scheduler.advance(Duration.ofSeconds(19));
                VirtualTime.await(scheduler, Duration.ofMillis(200), () -> false);
                assertThat(dns.queries()).as("retry %d not before 20 s", retry).isEqualTo(asked);
                scheduler.advance(Duration.ofSeconds(1));
                assertThat(VirtualTime.await(scheduler, WIRE, () -> dns.queries() > asked)).as("retry %d", retry).isTrue();
                VirtualTime.await(scheduler, Duration.ofMillis(400), () -> false);
                failures++;
            }
            int perAttempt = dns.queries() / (failures + 1);
            assertThat(registration(device)).isEqualTo(RegistrationState.NOT_REGISTERED);
            assertThat(device.power()).isEqualTo(PowerState.READY);

            dns.a(NAME, InetAddress.getLoopbackAddress());
            scheduler.advance(Duration.ofSeconds(20));
            assertThat(VirtualTime.await(scheduler, WIRE, () -> registration(device) == RegistrationState.REGISTERED)).isTrue();
            assertThat(registrar.attempts()).isPositive();
            System.out.printf("SIP DNS fault, no such name: %d failed lookups (%d queries each), then registered without a "
                    + "reboot%n", failures + 1, perAttempt);
            device.powerOff();
            scheduler.runPending();
        }
    }

    @Test
    @DisplayName("SIP-02 SIP-51 a DNS server that does not answer: the device goes on while the lookup waits, the "
            + "lookup gives up, the account stays unregistered and tries again after 20 s; once the DNS server answers it "
            + "registers, without a reboot")
    void silentDnsServer() throws Exception {
        try (TestDns dns = new TestDns(); ScriptedRegistrar registrar = new ScriptedRegistrar()) {
            registrar.answer(Reply.of(200, "OK"));
            dns.a(NAME, InetAddress.getLoopbackAddress());
            dns.down(true);
            Device device = device(dns, registrar);
            long started = System.nanoTime();
            VirtualTime.booted(device, scheduler);
            VirtualTime.await(scheduler, WIRE, () -> dns.queries() >= 1);
            long askedMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            assertThat(askedMillis).as("the device boots and asks without waiting for the answer").isLessThan(2000);
            // The lookup is over once no query has come for longer than the resolver waits for one (2 s).
            int before = -1;
            while (dns.queries() != before) {
                before = dns.queries();
                VirtualTime.await(scheduler, Duration.ofMillis(2500), () -> false);
            }
            assertThat(registration(device)).isEqualTo(RegistrationState.NOT_REGISTERED);
            assertThat(registrar.attempts()).isZero();
            int unanswered = dns.queries();

            dns.down(false);
            scheduler.advance(Duration.ofSeconds(19));
            VirtualTime.await(scheduler, Duration.ofMillis(200), () -> false);
            assertThat(dns.queries()).as("not asked again before the retry wait").isEqualTo(unanswered);
            scheduler.advance(Duration.ofSeconds(1));
            assertThat(VirtualTime.await(scheduler, WIRE, () -> registration(device) == RegistrationState.REGISTERED)).isTrue();
            System.out.printf("SIP DNS fault, silent server: %d unanswered queries, waited for off the device's scheduler "
                    + "(the device had booted and asked after %d ms); registered on the retry once it answered%n",
                    unanswered, askedMillis);
            device.powerOff();
            scheduler.runPending();
        }
    }

    private Device device(TestDns dns, ScriptedRegistrar registrar) throws Exception {
        return VirtualTime.unpowered(dataDir, DeviceModels.HT813, scheduler, Map.of("P47", NAME + ":" + registrar.port(),
                "P35", "1001", "P34", "secret", "P40", Integer.toString(freeUdpPort()), "P401", "0"),
                List.of(dns.address()));
    }

    private static RegistrationState registration(Device device) {
        return device.status().ports().get(0).registration();
    }

    private static int freeUdpPort() throws Exception {
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
