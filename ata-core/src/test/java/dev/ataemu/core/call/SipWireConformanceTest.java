package dev.ataemu.core.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.core.device.RegistrationState;
import dev.ataemu.core.line.LineState;
import dev.ataemu.hal.sim.VirtualHandset;
import dev.ataemu.testing.peers.Kamailio;
import dev.ataemu.testing.peers.Tshark;
import java.net.DatagramSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the device sends on the wire, read back by Wireshark's dissectors: both accounts register
 * with Kamailio (digest), port 1 calls port 2 (INVITE challenged, 180, 200, ACK), keys go as SIP
 * INFO, and BYE ends it. Every SIP message the device sent must dissect without a malformed-packet
 * or warning-level expert note.
 */
class SipWireConformanceTest {

    @TempDir
    Path work;

    @Test
    @DisplayName("SIP-01 SIP-02 CALL-01 every SIP message the device sends dissects in tshark with no malformed packet or warning")
    void deviceMessagesDissectCleanly() throws Exception {
        int port1 = freeEvenPort();
        int port2 = freeEvenPort();
        String devicePorts = "udp.srcport == " + port1 + " || udp.srcport == " + port2;
        try (Kamailio kamailio = Kamailio.start(work.resolve("kamailio"), Map.of("1001", "alpha-1", "1002", "beta-2"));
             Tshark tshark = Tshark.capture(work.resolve("tshark"), "udp port " + port1 + " or udp port " + port2)) {
            String server = kamailio.hostPort();
            Map<String, String> settings = new java.util.HashMap<>(Map.of(
                    "P40", Integer.toString(port1), "P740", Integer.toString(port2),
                    "P47", server, "P34", "alpha-1", "P747", server, "P735", "1002", "P734", "beta-2",
                    "P739", Integer.toString(freeEvenPort())));
            settings.putAll(Map.of("P850", "102", "P860", "102"));
            try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT502, settings)) {
                CallingDevice.await(() -> calling.device.status().ports().stream()
                        .allMatch(port -> port.registration() == RegistrationState.REGISTERED));
                VirtualHandset caller = calling.device.handset(1);
                VirtualHandset callee = calling.device.handset(2);
                caller.offHook();
                Thread.sleep(300);
                caller.press("1002#", 80, 80);
                CallingDevice.await(callee::ringing);
                callee.offHook();
                CallingDevice.await(() -> calling.device.fxsLine(1).state() == LineState.CONNECTED);
                Thread.sleep(300);
                caller.press("4#", 80, 120);
                callee.press("7", 80, 120);
                Thread.sleep(800);
                caller.onHook();
                CallingDevice.await(() -> calling.device.fxsLine(2).state() == LineState.OFF_HOOK_IDLE);
                callee.onHook();
                Thread.sleep(300);
            }
            tshark.stop();

            List<String> sent = tshark.read("sip && (" + devicePorts + ")", "sip.Method", "sip.Status-Code");
            List<String> flawed = tshark.read("(" + devicePorts + ") && (_ws.malformed || _ws.expert.severity >= 6291456)",
                    "frame.number", "_ws.expert.message");
            System.out.printf("tshark: the device sent %d SIP messages: %s; flawed: %s%n", sent.size(), sent, flawed);

            assertThat(sent).as("requests and responses the device sent").hasSizeGreaterThan(10);
            assertThat(String.join(" ", sent)).contains("REGISTER", "INVITE", "ACK", "INFO", "BYE", "180", "200");
            assertThat(flawed).as("malformed or warned-about messages").isEmpty();
        }
    }

    private static int freeEvenPort() throws Exception {
        try (DatagramSocket probe = new DatagramSocket(0, CallingDevice.LOOPBACK)) {
            return probe.getLocalPort() & ~1;
        }
    }
}
