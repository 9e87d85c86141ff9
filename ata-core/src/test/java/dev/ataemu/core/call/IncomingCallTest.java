package dev.ataemu.core.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.config.ParameterCatalog;
import dev.ataemu.core.device.Device;
import dev.ataemu.core.device.DeviceFolder;
import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.core.device.PowerState;
import dev.ataemu.core.line.LineState;
import dev.ataemu.hal.sim.VirtualHandset;
import dev.ataemu.media.rtp.MediaTransport;
import dev.ataemu.testing.peers.Sipp;
import dev.ataemu.testing.peers.SippResult;
import dev.ataemu.testing.peers.SippRun;
import dev.ataemu.time.RealTimeScheduler;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A call into the device's FXS port from SIPp's stock UAC, answered by lifting the simulated handset. */
class IncomingCallTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @TempDir
    Path work;

    private static int freeEvenPort() throws Exception {
        try (DatagramSocket probe = new DatagramSocket(0, LOOPBACK)) {
            return probe.getLocalPort() & ~1;
        }
    }

    @Test
    @DisplayName("CALL-06 a SIP call rings the phone, is answered by lifting the handset, and the caller's BYE ends it")
    void sippCallsTheDevice() throws Exception {
        try (RealTimeScheduler scheduler = new RealTimeScheduler("device-test");
             MediaTransport transport = new MediaTransport(1, 1)) {
            Device device = Device.inFolder(DeviceFolder.locate(work.resolve("data"), DeviceModels.HT502,
                    Optional.empty(), new Random(5)), ParameterCatalog.builtIn(), scheduler);
            int sipPort = freeEvenPort();
            device.store().apply(Map.of("P40", Integer.toString(sipPort), "P39", Integer.toString(freeEvenPort()),
                    "P35", "1001", "P740", Integer.toString(freeEvenPort())));
            device.network(LOOPBACK);
            device.media(transport);
            device.powerOn();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (device.power() != PowerState.READY && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(300);

            SippRun caller = Sipp.stock(work.resolve("sipp"), "uac").remote("127.0.0.1:" + sipPort).service("1001")
                    .calls(1).callDuration(Duration.ofSeconds(2)).timeout(Duration.ofSeconds(30)).start();
            VirtualHandset handset = device.handset(1);
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!handset.ringing() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(handset.ringing()).as("the phone rings").isTrue();
            assertThat(device.fxsLine(1).state()).isEqualTo(LineState.RINGING);

            handset.offHook();
            SippResult result = caller.awaitResult(Duration.ofSeconds(30));

            assertThat(result.succeeded()).as(result::describe).isTrue();
            Thread.sleep(300);
            assertThat(device.fxsLine(1).state()).as("the caller hung up").isEqualTo(LineState.OFF_HOOK_IDLE);
            device.powerOff();
            Thread.sleep(200);
        }
    }
}
