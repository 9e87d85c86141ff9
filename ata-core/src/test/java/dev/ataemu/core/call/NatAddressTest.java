package dev.ataemu.core.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.device.DeviceModels;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The address the device names as its own behind a NAT, read off the wire: "Use NAT IP" (P101) and
 * the STUN mapping (P52 = STUN with the STUN server P76) go into Contact and into the SDP.
 */
class NatAddressTest {

    @TempDir
    Path work;

    @Test
    @DisplayName("SIP-28 NAT-09 Use NAT IP (P101) is the address in REGISTER's Contact, the INVITE's Contact and its SDP")
    void natIpInSipAndSdp() throws Exception {
        try (RefusingServer server = new RefusingServer();
             CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT502, Map.of(
                     "P47", "127.0.0.1:" + server.port(), "P101", "203.0.113.5", "P138", "3600"))) {
            await(() -> server.seen().contains("REGISTER "));
            calling.dial("2000#");
            await(() -> server.seen().contains("INVITE "));

            assertThat(server.seen()).contains("Contact: <sip:1001@203.0.113.5:" + calling.sipPort + ">")
                    .doesNotContain("Contact: <sip:1001@127.0.0.1")
                    .contains("c=IN IP4 203.0.113.5").contains("o=- ").contains("IN IP4 203.0.113.5");
        }
    }

    @Test
    @DisplayName("NAT-01 NAT-03 with NAT traversal STUN (P52 = 1, P76) the mapped address and port are in Contact and SDP")
    void stunMappingInSipAndSdp() throws Exception {
        InetSocketAddress outside = new InetSocketAddress(InetAddress.getByName("198.51.100.7"), 40000);
        try (NattingStunServer stun = new NattingStunServer(outside);
             RefusingServer server = new RefusingServer();
             CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT813, Map.of(
                     "P47", "127.0.0.1:" + server.port(), "P52", "1", "P76", "127.0.0.1:" + stun.port(),
                     "P138", "3600"))) {
            await(() -> server.seen().contains("REGISTER "));
            calling.dial("2000#");
            await(() -> server.seen().contains("INVITE "));

            assertThat(stun.asked()).isPositive();
            assertThat(server.seen()).contains("Contact: <sip:1001@198.51.100.7:40000>")
                    .contains("c=IN IP4 198.51.100.7");
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }
}
