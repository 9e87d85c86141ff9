package dev.ataemu.core.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.testing.peers.SippResult;
import dev.ataemu.testing.peers.SippRun;
import java.net.DatagramSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The account's checks of incoming requests: its user ID, its servers only, and digest challenges. */
class IncomingChecksTest {

    @TempDir
    Path work;

    @Test
    @DisplayName("PLAT-79 Check SIP User ID (P258): an INVITE for another user gets 404, one for the account rings")
    void checkUserId() throws Exception {
        try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT502, Map.of("P258", "1"));
             DatagramSocket caller = RawSip.socket("127.0.0.1")) {
            assertThat(invite(caller, calling, "9999", "checks-1", "")).contains(404).doesNotContain(180);
            assertThat(invite(caller, calling, "1001", "checks-2", "")).contains(180);
        }
    }

    @Test
    @DisplayName("PLAT-79 SIP from the proxy only (P243): a request from elsewhere gets 403, one from the server rings")
    void fromProxyOnly() throws Exception {
        try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT502,
                Map.of("P243", "1", "P47", "127.0.0.2:5999", "P31", "0"));
             DatagramSocket stranger = RawSip.socket("127.0.0.1");
             DatagramSocket server = RawSip.socket("127.0.0.2")) {
            assertThat(invite(stranger, calling, "1001", "checks-3", "")).contains(403).doesNotContain(180);
            assertThat(invite(server, calling, "1001", "checks-4", "")).contains(180);
        }
    }

    @Test
    @DisplayName("PLAT-80 Authenticate incoming INVITE (P2346): a caller without credentials gets 401, wrong ones 403, "
            + "and SIPp answering the challenge with the account's password gets through")
    void challengedInvites() throws Exception {
        try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT502,
                Map.of("P2346", "1", "P34", "secret-7", "P36", "ata1001"));
             DatagramSocket caller = RawSip.socket("127.0.0.1")) {
            assertThat(invite(caller, calling, "1001", "checks-5", "")).contains(401).doesNotContain(180);
            String forged = "Authorization: Digest username=\"ata1001\", realm=\"grandstream-ata\", nonce=\"00ff\", "
                    + "uri=\"sip:1001@127.0.0.1\", response=\"0123456789abcdef0123456789abcdef\", algorithm=MD5\r\n";
            assertThat(invite(caller, calling, "1001", "checks-6", forged)).contains(403).doesNotContain(180);

            SippRun sipp = Scenarios.sipp(work, "sipp-uac-401.xml").remote("127.0.0.1:" + calling.sipPort)
                    .service("1001").auth("ata1001", "secret-7").key("caller", "2002")
                    .callDuration(Duration.ofMillis(500)).timeout(Duration.ofSeconds(30)).start();
            CallingDevice.await(calling.handset()::ringing);
            calling.handset().offHook();
            SippResult result = sipp.awaitResult(Duration.ofSeconds(30));
            assertThat(result.succeeded()).as(result::describe).isTrue();
            calling.handset().onHook();
        }
    }

    /** What the device answers, within 1.5 s, to an INVITE for {@code user} from the socket. */
    private static List<Integer> invite(DatagramSocket socket, CallingDevice calling, String user, String tag,
            String extraHeaders) throws Exception {
        RawSip.send(socket, calling.sipPort, RawSip.invite(socket, calling.sipPort, user, tag, extraHeaders));
        return RawSip.statuses(socket, Duration.ofMillis(1500));
    }
}
