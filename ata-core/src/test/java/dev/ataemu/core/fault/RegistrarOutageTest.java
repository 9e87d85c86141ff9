package dev.ataemu.core.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.device.Device;
import dev.ataemu.core.device.DeviceEvent;
import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.core.device.RegistrationState;
import dev.ataemu.hal.led.LedState;
import dev.ataemu.testing.peers.Kamailio;
import dev.ataemu.time.VirtualScheduler;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real registrar (Kamailio) that goes down and comes back while an HT813 is registered with it.
 * While it is down a silent socket holds its port, so that every REGISTER the device sends there is
 * counted. The device runs on virtual time; SIP's own timers (64 T1 = 32 s) run on real time.
 */
class RegistrarOutageTest {

    private static final Map<String, String> USERS = Map.of("1001", "alpha-1");
    private static final Duration WIRE = Duration.ofSeconds(20);
    /** Longer than a REGISTER takes to time out: 64 T1, T1 = 500 ms (P209 = 50). */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path work;

    private final VirtualScheduler scheduler = new VirtualScheduler();

    @Test
    @DisplayName("SIP-51 PLAT-38 HW-21 HW-29 registrar down and back: the refresh times out after 64 T1, the status "
            + "says not registered, the LED goes dark and the phone goes to the life-line; a new REGISTER every 20 s; "
            + "once the registrar is back the account registers again without a reboot")
    void registrarDownAndBack() throws Exception {
        int port = freeUdpPort();
        Device device;
        List<RegistrationState> heard = new CopyOnWriteArrayList<>();
        try (Kamailio registrar = Kamailio.builder(work.resolve("up")).users(USERS).maxExpires(60).port(port).start()) {
            device = VirtualTime.unpowered(work.resolve("data"), DeviceModels.HT813, scheduler, Map.of(
                    "P47", registrar.hostPort(), "P35", "1001", "P34", "alpha-1", "P40", Integer.toString(freeUdpPort()),
                    "P401", "0"));
            device.events().subscribe(event -> {
                if (event instanceof DeviceEvent.Registration registration && registration.port() == 1) {
                    heard.add(registration.state());
                }
            });
            VirtualTime.booted(device, scheduler);
            assertThat(VirtualTime.await(scheduler, WIRE, () -> registration(device) == RegistrationState.REGISTERED))
                    .as(() -> registrar.logTail(30)).isTrue();

            heard.clear();
            scheduler.advance(Duration.ofSeconds(30));
            VirtualTime.await(scheduler, Duration.ofSeconds(2), () -> false);
            assertThat(heard).as("a refresh the registrar takes changes nothing on the device").isEmpty();
            assertThat(device.lifelineBypass()).hasValue(false);
        }

        long down = System.nanoTime();
        int retransmissions;
        try (ScriptedRegistrar silent = new ScriptedRegistrar(port)) {
            scheduler.advance(Duration.ofSeconds(30));
            assertThat(VirtualTime.await(scheduler, WIRE, () -> silent.attempts() == 1)).as("the refresh is sent").isTrue();
            assertThat(registration(device)).as("the binding holds until the refresh fails").isEqualTo(RegistrationState.REGISTERED);

            assertThat(VirtualTime.await(scheduler, TIMEOUT, () -> registration(device) == RegistrationState.NOT_REGISTERED))
                    .isTrue();
            long timedOutAfter = Duration.ofNanos(System.nanoTime() - down).toSeconds();
            assertThat(device.led("FXS").state()).isEqualTo(LedState.OFF);
            assertThat(device.lifelineBypass()).as("GAP-11: the phone goes to the PSTN line").hasValue(true);
            retransmissions = silent.datagrams();
            assertThat(retransmissions).as("RFC 3261 timer E: about 11 sends in 64 T1, no flood").isBetween(6, 12);

            VirtualTime.await(scheduler, Duration.ofMillis(400), () -> false);
            scheduler.advance(Duration.ofSeconds(19));
            VirtualTime.await(scheduler, Duration.ofMillis(200), () -> false);
            assertThat(silent.attempts()).as("no new REGISTER before the retry wait").isEqualTo(1);
            scheduler.advance(Duration.ofSeconds(1));
            assertThat(VirtualTime.await(scheduler, WIRE, () -> silent.attempts() == 2)).as("the retry after P138").isTrue();
            System.out.printf("registrar outage: the refresh timed out after %d s with %d REGISTER datagrams; retried after "
                    + "20 s%n", timedOutAfter, retransmissions);
        }

        long back = System.nanoTime();
        try (Kamailio registrar = Kamailio.builder(work.resolve("back")).users(USERS).maxExpires(60).port(port).start()) {
            // The retry under way is retransmitted to the registrar that is back.
            assertThat(VirtualTime.await(scheduler, TIMEOUT, () -> registration(device) == RegistrationState.REGISTERED))
                    .as(() -> registrar.logTail(30)).isTrue();
            assertThat(registrar.isRegistered("1001")).isTrue();
            assertThat(device.led("FXS").state()).isEqualTo(LedState.ON);
            assertThat(device.lifelineBypass()).hasValue(false);
            System.out.printf("registrar outage: registered again %d ms after the registrar came back, without a reboot%n",
                    Duration.ofNanos(System.nanoTime() - back).toMillis());
            device.powerOff();
            scheduler.runPending();
        }
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
