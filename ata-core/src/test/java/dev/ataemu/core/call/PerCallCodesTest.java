package dev.ataemu.core.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.core.line.LineState;
import dev.ataemu.hal.sim.VirtualHandset;
import dev.ataemu.testing.peers.Sipp;
import dev.ataemu.testing.peers.SippResult;
import dev.ataemu.testing.peers.SippRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HT813's per-call codes as the far end sees them: the INVITE that SIPp's answerer takes. */
class PerCallCodesTest {

    @TempDir
    Path work;

    @Test
    @DisplayName("STAR-03 CALL-44 the HT813's *027111 before the number offers PCMA alone (and telephone-event) on that call")
    void forcedCodecOnTheWire() throws Exception {
        assertThat(inviteFor("*0271111234#")).containsPattern("m=audio \\d+ RTP/AVP 8 101\\r?\\n").doesNotContain("PCMU");
    }

    @Test
    @DisplayName("STAR-19 CALL-43 the HT813's *74 before the number places a paging call: the INVITE asks to be answered at once")
    void pagingOnTheWire() throws Exception {
        assertThat(inviteFor("*741234#")).containsPattern("Call-Info: <sip:1234@127.0.0.1:\\d+>;answer-after=0")
                .contains("info=alert-autoanswer");
    }

    @Test
    @DisplayName("STAR-05 the HT813's *16 turns SRTP on for the calls after it: the INVITE offers keys (a=crypto)")
    void srtpOnForLaterCalls() throws Exception {
        assertThat(inviteFor(Map.of(), "*16", "1234#")).containsPattern("a=crypto:1 [A-Z0-9_]+ inline:");
    }

    @Test
    @DisplayName("STAR-06 the HT813's *17 turns SRTP off for the calls after it: the INVITE offers no keys")
    void srtpOffForLaterCalls() throws Exception {
        assertThat(inviteFor(Map.of("P183", "1"), "", "1234#")).contains("a=crypto:");
        assertThat(inviteFor(Map.of("P183", "1"), "*17", "1234#")).doesNotContain("a=crypto:")
                .containsPattern("m=audio \\d+ RTP/AVP ");
    }

    @Test
    @DisplayName("FXO-02 the HT813's phone is in VoIP mode: a plain number goes out as an INVITE on its SIP account")
    void voipByDefault() throws Exception {
        assertThat(inviteFor("1234#")).startsWith("INVITE sip:1234@127.0.0.1:").containsPattern("From: [^\\n]*<sip:1001@");
    }

    private String inviteFor(String keys) throws Exception {
        return inviteFor(Map.of(), "", keys);
    }

    /**
     * Keys {@code code} (if any) on the HT813's phone and waits for its confirmation, then calls with
     * {@code keys}; returns the INVITE SIPp received.
     */
    private String inviteFor(Map<String, String> extra, String code, String keys) throws Exception {
        SippRun callee = Sipp.answerer(work.resolve("sipp-" + System.nanoTime()), 1).traceMessages(true)
                .timeout(Duration.ofSeconds(30)).start();
        Map<String, String> settings = new java.util.HashMap<>(Map.of("P47", "127.0.0.1:" + callee.port(), "P31", "0"));
        settings.putAll(extra);
        try (CallingDevice calling = new CallingDevice(work.resolve("data-" + System.nanoTime()), DeviceModels.HT813,
                settings)) {
            if (!code.isEmpty()) {
                calling.dial(code);
                Thread.sleep(2500);
                calling.handset().onHook();
                // Longer than the longest hook flash (P252, 1.1 s): the phone is really back on hook.
                Thread.sleep(1500);
            }
            VirtualHandset handset = calling.dial(keys);
            CallingDevice.await(() -> calling.device.fxsLine(1).state() == LineState.CONNECTED);
            handset.onHook();
            SippResult result = callee.awaitResult(Duration.ofSeconds(20));

            assertThat(result.succeeded()).as(result::describe).isTrue();
            String messages = Files.readString(result.messages());
            int start = messages.indexOf("INVITE sip:1234@127.0.0.1:" + callee.port());
            assertThat(start).as("the INVITE reached SIPp").isNotNegative();
            return messages.substring(start, messages.indexOf("-----", start));
        }
    }
}
