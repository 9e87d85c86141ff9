package dev.ataemu.core.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.core.line.LineState;
import dev.ataemu.hal.sim.VirtualHandset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The far end of a call vanishes (power or network gone): its RTP stops and its SIP port is dead.
 * The ATA has no RTP timeout (MEDIA-30: off by default, PLAT-97 is the phones'), so the call lasts
 * until the user hangs up; then nothing of it may linger: not the line, not the RTP, not the port.
 */
class FarEndVanishesTest {

    private static final Duration LIMIT = Duration.ofSeconds(15);
    /** Longer than a non-INVITE transaction lives: 64 T1, T1 = 500 ms (P209 = 50). */
    private static final Duration TRANSACTION = Duration.ofSeconds(33);

    @TempDir
    Path work;

    @Test
    @DisplayName("MEDIA-30 PLAT-97 MEDIA-12 CALL-13 the far end vanishes mid-call: the call stays up (no RTP timeout) "
            + "until the user hangs up; the line is free at once, the RTP stops, the unanswered BYE is sent at most 11 "
            + "times in 64 T1, and the next call gets the same RTP port")
    void farEndVanishesMidCall() throws Exception {
        try (LiveDevice live = new LiveDevice(work.resolve("data"), DeviceModels.HT813, Map.of())) {
            VirtualHandset handset = live.device.handset(1);
            VanishingCaller first = new VanishingCaller(live.sipPort, "1001", "first");
            first.invite();
            assertThat(LiveDevice.await(LIMIT, handset::ringing)).as("the phone rings").isTrue();
            handset.offHook();
            assertThat(first.awaitAnswerAndTalk(LIMIT)).as("the device answers").isTrue();
            assertThat(first.deviceRtpPort()).isEqualTo(live.rtpPort);
            assertThat(LiveDevice.await(LIMIT, () -> first.rtpReceived() > 25)).as("media flows both ways").isTrue();

            first.vanish();
            try (PortListener deadSip = new PortListener(first.sipPort(), "BYE ");
                 PortListener deadRtp = new PortListener(first.rtpPort(), "")) {
                Thread.sleep(3000);
                assertThat(live.device.fxsLine(1).state()).as("no RTP for 3 s: still in the call").isEqualTo(LineState.CONNECTED);
                assertThat(deadRtp.datagrams()).as("the device still talks to the far end").isPositive();

                handset.onHook();
                long hungUp = System.nanoTime();
                assertThat(LiveDevice.await(LIMIT, () -> live.device.fxsLine(1).state() == LineState.IDLE)).isTrue();
                assertThat(LiveDevice.await(LIMIT, () -> deadSip.matching() >= 1)).as("BYE sent").isTrue();
                Thread.sleep(500);
                int rtpAtHangUp = deadRtp.datagrams();
                Thread.sleep(1000);
                assertThat(deadRtp.datagrams()).as("no RTP after the hang-up").isEqualTo(rtpAtHangUp);

                try (VanishingCaller next = new VanishingCaller(live.sipPort, "1001", "next")) {
                    next.invite();
                    assertThat(LiveDevice.await(LIMIT, handset::ringing)).as("the next call rings").isTrue();
                    handset.offHook();
                    assertThat(next.awaitAnswerAndTalk(LIMIT)).isTrue();
                    assertThat(next.deviceRtpPort()).as("the same RTP port, freed").isEqualTo(live.rtpPort);
                    assertThat(LiveDevice.await(LIMIT, () -> next.rtpReceived() > 25)).as("media flows").isTrue();
                    next.bye();
                    assertThat(LiveDevice.await(LIMIT, () -> live.device.fxsLine(1).state() == LineState.OFF_HOOK_IDLE))
                            .isTrue();
                    handset.onHook();
                }

                long left = TRANSACTION.toNanos() - (System.nanoTime() - hungUp);
                Thread.sleep(Math.max(0, left / 1_000_000));
                int byes = deadSip.matching();
                Thread.sleep(2000);
                assertThat(deadSip.matching()).as("the BYE is given up after 64 T1").isEqualTo(byes);
                assertThat(byes).as("RFC 3261 timer E: at most 11 sends").isBetween(2, 11);
                assertThat(deadSip.datagrams()).as("nothing but the BYE").isEqualTo(byes);
                System.out.printf("far end vanished: the call stayed up 3 s without RTP until the hang-up; %d BYEs to the "
                        + "dead far end, then given up; the next call used RTP port %d again%n", byes, live.rtpPort);
            }
            assertThat(LiveDevice.await(LIMIT, () -> live.device.fxsLine(1).state() == LineState.IDLE)).isTrue();
            assertThat(LiveDevice.free(live.rtpPort)).as("no RTP socket left open after the calls").isTrue();
        }
    }
}
