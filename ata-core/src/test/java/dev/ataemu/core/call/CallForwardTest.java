package dev.ataemu.core.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.hal.sim.VirtualHandset;
import java.net.DatagramSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Do not disturb and the call forwards, switched on and off with star codes keyed on the handset
 * and read off the wire: 486 for DND, 302 naming the forward target at the account's server.
 */
class CallForwardTest {

    private static final String SERVER = "127.0.0.1:5999";

    @TempDir
    Path work;

    /** Keys a code on port 1 and hangs up after the confirmation. */
    private static void key(CallingDevice calling, String keys) throws InterruptedException {
        VirtualHandset handset = calling.dial(keys);
        Thread.sleep(1200);
        handset.onHook();
        Thread.sleep(1500);
    }

    private static List<String> invite(CallingDevice calling, String tag, Duration listen) throws Exception {
        try (DatagramSocket caller = RawSip.socket("127.0.0.1")) {
            RawSip.send(caller, calling.sipPort, RawSip.invite(caller, calling.sipPort, "1001", tag, ""));
            return RawSip.responses(caller, listen);
        }
    }

    private static String finalResponse(List<String> responses) {
        return responses.stream().filter(text -> text.charAt(8) >= '2').findFirst().orElse("(no final response)");
    }

    @Test
    @DisplayName("STAR-20 STAR-21 *78 turns do not disturb on: calls get 486 and the phone stays quiet; *79 turns it off")
    void doNotDisturb() throws Exception {
        try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT502,
                Map.of("P47", SERVER, "P31", "0"))) {
            key(calling, "*78");
            assertThat(calling.device.store().get(90001)).isEqualTo("1");
            List<String> responses = invite(calling, "dnd1", Duration.ofSeconds(2));
            assertThat(finalResponse(responses)).startsWith("SIP/2.0 486");
            assertThat(calling.handset().ringing()).isFalse();

            key(calling, "*79");
            invite(calling, "dnd2", Duration.ofSeconds(1));
            assertThat(calling.handset().ringing()).isTrue();
        }
    }

    @Test
    @DisplayName("STAR-17 STAR-18 *72 number # forwards every call (302 naming it at the account's server); *73 cancels")
    void unconditionalForward() throws Exception {
        try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT502,
                Map.of("P47", SERVER, "P31", "0"))) {
            key(calling, "*721005#");
            assertThat(calling.device.store().get(90002)).isEqualTo("1005");
            String forwarded = finalResponse(invite(calling, "fwd1", Duration.ofSeconds(2)));
            assertThat(forwarded).startsWith("SIP/2.0 302").contains("Contact: <sip:1005@" + SERVER + ">");
            assertThat(calling.handset().ringing()).isFalse();

            key(calling, "*73");
            assertThat(calling.device.store().get(90002)).isEmpty();
            invite(calling, "fwd2", Duration.ofSeconds(1));
            assertThat(calling.handset().ringing()).isTrue();
        }
    }

    @Test
    @DisplayName("STAR-23 STAR-24 *90 number # forwards calls that find the port busy; *91 cancels it")
    void busyForward() throws Exception {
        try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT502,
                Map.of("P47", SERVER, "P31", "0"))) {
            key(calling, "*901006#");
            calling.handset().offHook();
            Thread.sleep(300);
            String forwarded = finalResponse(invite(calling, "busy1", Duration.ofSeconds(2)));
            assertThat(forwarded).startsWith("SIP/2.0 302").contains("Contact: <sip:1006@" + SERVER + ">");

            calling.handset().onHook();
            Thread.sleep(1500);
            key(calling, "*91");
            calling.handset().offHook();
            Thread.sleep(300);
            assertThat(calling.device.store().get(90003)).isEmpty();
            assertThat(finalResponse(invite(calling, "busy2", Duration.ofSeconds(2)))).startsWith("SIP/2.0 486");
        }
    }

    @Test
    @DisplayName("STAR-25 STAR-26 *92 number # forwards calls nobody answers within P139 seconds, after ringing")
    void delayedForward() throws Exception {
        try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT502,
                Map.of("P47", SERVER, "P31", "0", "P139", "1"))) {
            key(calling, "*921007#");
            List<String> responses = invite(calling, "late1", Duration.ofSeconds(3));
            assertThat(responses).anySatisfy(text -> assertThat(text).startsWith("SIP/2.0 180"));
            assertThat(finalResponse(responses)).startsWith("SIP/2.0 302").contains("Contact: <sip:1007@" + SERVER + ">");
            assertThat(calling.handset().ringing()).isFalse();

            key(calling, "*93");
            assertThat(calling.device.store().get(90004)).isEmpty();
        }
    }
}
