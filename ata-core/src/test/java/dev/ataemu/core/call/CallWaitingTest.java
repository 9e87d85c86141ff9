package dev.ataemu.core.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.core.line.LineState;
import dev.ataemu.hal.sim.VirtualHandset;
import dev.ataemu.testing.peers.Sipp;
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

/** A second call to a port already in one: offered as call waiting, or busy when call waiting is off. */
class CallWaitingTest {

    @TempDir
    Path work;

    @Test
    @DisplayName("CALL-15 HW-33 a second call during a call rings back (180), the phone gets the call-waiting caller ID, "
            + "the first call goes on, and unanswered it gets 480 after the ring timeout")
    void secondCallWaits() throws Exception {
        try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT813, Map.of("P185", "3"));
             DatagramSocket second = RawSip.socket("127.0.0.1")) {
            SippRun first = Sipp.stock(work.resolve("sipp"), "uac").remote("127.0.0.1:" + calling.sipPort)
                    .service("1001").calls(1).callDuration(Duration.ofSeconds(8)).timeout(Duration.ofSeconds(30)).start();
            VirtualHandset handset = calling.handset();
            CallingDevice.await(handset::ringing);
            handset.offHook();
            CallingDevice.await(() -> calling.device.fxsLine(1).state() == LineState.CONNECTED);
            Thread.sleep(500);

            RawSip.send(second, calling.sipPort, RawSip.invite(second, calling.sipPort, "1001", "waiting-1", ""));
            List<Integer> statuses = RawSip.statuses(second, Duration.ofSeconds(5));
            System.out.println("second call: " + statuses + ", display " + handset.callerId());

            assertThat(statuses).contains(180, 480).doesNotContain(486);
            assertThat(handset.callerId()).as("call-waiting caller ID on the display").isPresent();
            assertThat(handset.callerId().get().callerId().number()).hasValue("2002");
            assertThat(calling.device.fxsLine(1).state()).as("the first call goes on").isEqualTo(LineState.CONNECTED);
            SippResult result = first.awaitResult(Duration.ofSeconds(20));
            assertThat(result.succeeded()).as(result::describe).isTrue();
            handset.onHook();
        }
    }

    @Test
    @DisplayName("CALL-15 with call waiting off (P91) a second call gets 486")
    void busyWithoutCallWaiting() throws Exception {
        secondCallRefused(Map.of("P91", "1"), "");
    }

    @Test
    @DisplayName("STAR-10 CALL-15 after *50 on the phone, a second call during a call gets 486")
    void starFiftyTurnsCallWaitingOff() throws Exception {
        secondCallRefused(Map.of(), "*50");
    }

    /** After keying {@code code} (if any), a call is answered and a second one must get 486 without ringing back. */
    private void secondCallRefused(Map<String, String> settings, String code) throws Exception {
        try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT502, settings);
             DatagramSocket second = RawSip.socket("127.0.0.1")) {
            if (!code.isEmpty()) {
                calling.dial(code);
                Thread.sleep(2500);
                calling.handset().onHook();
                // Longer than the longest hook flash (P252, 1.1 s): the phone is really back on hook.
                Thread.sleep(1500);
            }
            SippRun first = Sipp.stock(work.resolve("sipp"), "uac").remote("127.0.0.1:" + calling.sipPort)
                    .service("1001").calls(1).callDuration(Duration.ofSeconds(3)).timeout(Duration.ofSeconds(30)).start();
            VirtualHandset handset = calling.handset();
            CallingDevice.await(handset::ringing);
            handset.offHook();
            CallingDevice.await(() -> calling.device.fxsLine(1).state() == LineState.CONNECTED);

            RawSip.send(second, calling.sipPort, RawSip.invite(second, calling.sipPort, "1001", "waiting-2", ""));
            assertThat(RawSip.statuses(second, Duration.ofSeconds(1))).contains(486).doesNotContain(180);
            SippResult result = first.awaitResult(Duration.ofSeconds(20));
            assertThat(result.succeeded()).as(result::describe).isTrue();
            handset.onHook();
        }
    }
}
