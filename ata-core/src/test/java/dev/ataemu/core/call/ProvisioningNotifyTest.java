package dev.ataemu.core.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.core.device.PowerState;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Provisioning NOTIFYs from the SIP server: check-sync and reboot, challenged unless P4428 says not. */
class ProvisioningNotifyTest {

    private static final Pattern NONCE = Pattern.compile("nonce=\"([0-9a-f]+)\"");

    @TempDir
    Path work;

    @Test
    @DisplayName("PLAT-31 a check-sync;reboot=true NOTIFY is challenged (401), wrong credentials get 403, the account's "
            + "own credentials get 200 and the device reboots")
    void challengedCheckSync() throws Exception {
        try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT813,
                Map.of("P36", "ata1001", "P34", "secret-9"));
             DatagramSocket server = RawSip.socket("127.0.0.1")) {
            server.setSoTimeout(2000);
            String challenge = exchange(server, calling.sipPort, notify(server, calling.sipPort, 1, "check-sync;reboot=true", ""));
            assertThat(challenge).startsWith("SIP/2.0 401");
            Matcher nonce = NONCE.matcher(challenge);
            assertThat(nonce.find()).isTrue();

            String uri = "sip:1001@127.0.0.1:" + calling.sipPort;
            String wrong = exchange(server, calling.sipPort, notify(server, calling.sipPort, 2, "check-sync;reboot=true",
                    authorization("ata1001", "not-it", nonce.group(1), uri)));
            assertThat(wrong).startsWith("SIP/2.0 403");
            assertThat(calling.device.power()).isEqualTo(PowerState.READY);

            challenge = exchange(server, calling.sipPort, notify(server, calling.sipPort, 3, "check-sync;reboot=true", ""));
            nonce = NONCE.matcher(challenge);
            assertThat(nonce.find()).isTrue();
            String ok = exchange(server, calling.sipPort, notify(server, calling.sipPort, 4, "check-sync;reboot=true",
                    authorization("ata1001", "secret-9", nonce.group(1), uri)));
            assertThat(ok).startsWith("SIP/2.0 200");
            CallingDevice.await(() -> calling.device.power() != PowerState.READY);
            assertThat(calling.device.power()).as("rebooting").isNotEqualTo(PowerState.READY);
        }
    }

    @Test
    @DisplayName("PLAT-31 with NOTIFY authentication disabled (P4428) a reboot NOTIFY is taken at once")
    void unauthenticatedReboot() throws Exception {
        try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT502, Map.of("P4428", "1"));
             DatagramSocket server = RawSip.socket("127.0.0.1")) {
            server.setSoTimeout(2000);
            String ok = exchange(server, calling.sipPort, notify(server, calling.sipPort, 5, "reboot", ""));
            assertThat(ok).startsWith("SIP/2.0 200");
            CallingDevice.await(() -> calling.device.power() != PowerState.READY);
            assertThat(calling.device.power()).isNotEqualTo(PowerState.READY);
        }
    }

    private static String notify(DatagramSocket from, int to, int n, String event, String authorization) {
        int port = from.getLocalPort();
        return "NOTIFY sip:1001@127.0.0.1:" + to + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + port + ";branch=z9hG4bK-sync" + n + "\r\n"
                + "From: <sip:provisioning@127.0.0.1:" + port + ">;tag=s" + n + "\r\n"
                + "To: <sip:1001@127.0.0.1:" + to + ">\r\n"
                + "Call-ID: sync-" + n + "@127.0.0.1\r\nCSeq: 1 NOTIFY\r\nMax-Forwards: 70\r\n"
                + "Contact: <sip:provisioning@127.0.0.1:" + port + ">\r\n"
                + "Event: " + event + "\r\nSubscription-State: terminated\r\n" + authorization
                + "Content-Length: 0\r\n\r\n";
    }

    private static String authorization(String user, String password, String nonce, String uri) throws Exception {
        String ha1 = md5(user + ":grandstream-ata:" + password);
        String ha2 = md5("NOTIFY:" + uri);
        return "Authorization: Digest username=\"" + user + "\", realm=\"grandstream-ata\", nonce=\"" + nonce
                + "\", uri=\"" + uri + "\", response=\"" + md5(ha1 + ":" + nonce + ":" + ha2) + "\", algorithm=MD5\r\n";
    }

    private static String md5(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String exchange(DatagramSocket socket, int port, String request) throws Exception {
        RawSip.send(socket, port, request);
        byte[] buffer = new byte[8192];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        socket.receive(packet);
        return new String(buffer, 0, packet.getLength(), StandardCharsets.US_ASCII);
    }
}
