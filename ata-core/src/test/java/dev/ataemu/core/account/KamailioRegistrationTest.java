package dev.ataemu.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.config.ParameterCatalog;
import dev.ataemu.core.device.Device;
import dev.ataemu.core.device.DeviceFolder;
import dev.ataemu.core.device.DeviceModel;
import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.core.device.DeviceStatus;
import dev.ataemu.core.device.RegistrationState;
import dev.ataemu.testing.peers.Kamailio;
import dev.ataemu.time.RealTimeScheduler;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** Both accounts of each model registering to a real Kamailio with digest authentication. */
class KamailioRegistrationTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @TempDir
    Path work;

    private static int freePort() throws Exception {
        try (DatagramSocket probe = new DatagramSocket(0, LOOPBACK)) {
            return probe.getLocalPort();
        }
    }

    @ParameterizedTest(name = "SIP-01 SIP-02 SIP-13 SIP-15 BOOT-13 both accounts of an {0} register to Kamailio")
    @ValueSource(strings = {"HT502", "HT813"})
    void bothAccountsRegister(String modelName) throws Exception {
        DeviceModel model = DeviceModels.byName(modelName);
        try (Kamailio kamailio = Kamailio.start(work.resolve("kamailio"), Map.of("1001", "alpha-1", "1002", "beta-2"));
             RealTimeScheduler scheduler = new RealTimeScheduler("device-test")) {
            Device device = Device.inFolder(DeviceFolder.locate(work.resolve("data"), model, Optional.empty(),
                    new Random(3)), ParameterCatalog.builtIn(), scheduler);
            String server = kamailio.hostPort();
            device.store().apply(Map.of(
                    "P47", server, "P35", "1001", "P34", "alpha-1", "P40", Integer.toString(freePort()),
                    "P747", server, "P735", "1002", "P734", "beta-2", "P740", Integer.toString(freePort())));
            device.network(LOOPBACK);
            device.powerOn();

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!bothRegistered(device.status()) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }

            assertThat(device.status().ports()).as(() -> kamailio.logTail(40))
                    .allSatisfy(port -> assertThat(port.registration()).isEqualTo(RegistrationState.REGISTERED));
            assertThat(kamailio.isRegistered("1001")).isTrue();
            assertThat(kamailio.isRegistered("1002")).isTrue();
            device.powerOff();
            Thread.sleep(Duration.ofMillis(200).toMillis());
        }
    }

    private static boolean bothRegistered(DeviceStatus status) {
        return status.ports().stream().allMatch(port -> port.registration() == RegistrationState.REGISTERED);
    }
}
