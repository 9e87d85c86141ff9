package dev.ataemu.core.line;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.media.tone.ToneGenerator;
import dev.ataemu.media.tone.ToneSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hook-flash features on virtual time: the handset flashes and dials, the far ends are fakes
 * that sound their own tones, and the earpiece is measured.
 */
class FlashFeaturesTest {

    private static final double PRESENT = -30;
    private static final double ABSENT = -45;

    @TempDir
    Path dataDir;

    private FlashLine line(Map<String, String> settings) {
        return new FlashLine(dataDir, DeviceModels.HT502, settings);
    }

    @Test
    @DisplayName("CALL-14 a flash holds the call and gives dial tone; a second flash takes it back")
    void holdAndResume() {
        FlashLine line = line(Map.of());
        FakeCall b = line.talkTo("1002");
        assertThat(line.heard(1000)).as("B before the flash").isGreaterThan(PRESENT);

        line.flash();
        assertThat(b.holds).containsExactly(true);
        assertThat(line.line().state()).isEqualTo(LineState.DIAL_TONE);
        assertThat(line.line().hasHeldCall()).isTrue();
        assertThat(line.device.status().ports().get(0).line()).isEqualTo(
                new dev.ataemu.core.device.DeviceStatus.Line("dial_tone", true, false));
        assertThat(line.heard(350)).as("dial tone while B is held").isGreaterThan(PRESENT);
        assertThat(line.heard(1000)).as("B is not heard on hold").isLessThan(ABSENT);

        line.flash();
        assertThat(b.holds).containsExactly(true, false);
        assertThat(line.line().state()).isEqualTo(LineState.CONNECTED);
        assertThat(line.heard(1000)).as("B again").isGreaterThan(PRESENT);
    }

    @Test
    @DisplayName("CALL-14 P74 with Send Hook Flash Event the flash goes to the far end and holds nothing")
    void flashPassedOn() {
        FlashLine line = line(Map.of());
        FakeCall b = line.talkTo("1002");
        b.passFlash = true;
        line.flash();
        assertThat(b.flashes).isEqualTo(1);
        assertThat(b.holds).isEmpty();
        assertThat(line.line().state()).isEqualTo(LineState.CONNECTED);
    }

    @Test
    @DisplayName("CALL-15 STAR-27 a flash answers the waiting call and holds the first; flashes toggle; "
            + "hanging up rings to remind of the held call (CALL-22)")
    void callWaitingToggle() {
        FlashLine line = line(Map.of());
        FakeCall b = line.talkTo("1002");
        FakeCall c = line.callWaiting("1003");
        assertThat(line.line().hasWaitingCall()).isTrue();

        line.flash();
        assertThat(b.holds).containsExactly(true);
        assertThat(line.heard(1400)).as("the waiting caller answered").isGreaterThan(PRESENT);
        assertThat(line.heard(1000)).isLessThan(ABSENT);

        line.flash();
        assertThat(c.holds).containsExactly(true);
        assertThat(b.holds).containsExactly(true, false);
        assertThat(line.heard(1000)).as("back to the first").isGreaterThan(PRESENT);

        line.handset().onHook();
        line.advance(2000);
        assertThat(b.hungUp).isTrue();
        assertThat(c.hungUp).isFalse();
        assertThat(line.handset().ringing()).as("reminder ring for the held call").isTrue();
        line.handset().offHook();
        line.advance(500);
        assertThat(c.holds).containsExactly(true, false);
        assertThat(line.heard(1400)).as("the held call again").isGreaterThan(PRESENT);
    }

    @Test
    @DisplayName("CALL-17 CALL-18 STAR-22 blind transfer: flash, *87, the number, #: the held call is referred "
            + "there; on success the confirmation tone, then dial tone, and the held call is let go")
    void blindTransferSucceeds() {
        FlashLine line = line(Map.of());
        FakeCall b = line.holdFor("1002");
        line.press("*871003#");
        assertThat(b.transferredTo).isEqualTo("1003");
        assertThat(line.line().state()).isEqualTo(LineState.CALLING);

        line.scheduler.execute(() -> b.transferResult.outcome(180));
        line.scheduler.execute(() -> b.transferResult.outcome(200));
        line.advance(200);
        short[] confirmation = line.handset().earpiece().last(200);
        line.advance(900);
        assertThat(Measure.levelDbm0(confirmation, 0, 200, 350)).as("confirmation tone").isGreaterThan(PRESENT);
        assertThat(line.heard(440)).as("then dial tone").isGreaterThan(PRESENT);
        assertThat(line.line().state()).isEqualTo(LineState.DIAL_TONE);
        assertThat(b.hungUp).isTrue();
        assertThat(line.line().hasHeldCall()).isFalse();
    }

    @Test
    @DisplayName("CALL-19 a blind transfer that fails gives a short busy tone, then the held call back")
    void blindTransferFails() {
        FlashLine line = line(Map.of());
        FakeCall b = line.holdFor("1002");
        line.press("*871003#");
        line.scheduler.execute(() -> b.transferResult.outcome(486));
        line.advance(300);
        assertThat(line.heard(680)).as("busy tone").isGreaterThan(PRESENT);
        assertThat(b.holds).containsExactly(true);
        line.advance(2700);
        assertThat(b.hungUp).isFalse();
        assertThat(b.holds).containsExactly(true, false);
        assertThat(line.line().state()).isEqualTo(LineState.CONNECTED);
        assertThat(line.heard(1000)).as("B restored").isGreaterThan(PRESENT);
    }

    @Test
    @DisplayName("CALL-20 a blind transfer with no outcome in 30 s gives a steady busy tone")
    void blindTransferTimesOut() {
        FlashLine line = line(Map.of());
        FakeCall b = line.holdFor("1002");
        line.press("*871003#");
        line.advance(31_000);
        assertThat(line.line().state()).isEqualTo(LineState.OFF_HOOK_IDLE);
        assertThat(line.heard(480)).as("busy").isGreaterThan(PRESENT);
        line.advance(5_000);
        assertThat(line.line().state()).as("and it stays").isEqualTo(LineState.OFF_HOOK_IDLE);
        assertThat(b.hungUp).isTrue();
    }

    @Test
    @DisplayName("STAR-22 *87 without a call on hold is refused with the reorder tone")
    void blindTransferNeedsHeldCall() {
        FlashLine line = line(Map.of());
        line.handset().offHook();
        line.advance(500);
        line.press("*87");
        assertThat(line.line().state()).isEqualTo(LineState.OFF_HOOK_IDLE);
        assertThat(line.heard(480)).as("reorder").isGreaterThan(PRESENT);
    }

    @Test
    @DisplayName("CALL-21 attended transfer: flash, dial C, C answers, hang up: the held call is referred to C "
            + "(Replaces); on success both calls end")
    void attendedTransfer() {
        FlashLine line = line(Map.of());
        FlashLine.Consultation calls = line.consult();
        FakeCall b = calls.held();
        FakeCall c = calls.consulted();
        assertThat(line.heard(1400)).as("A talks to C").isGreaterThan(PRESENT);
        assertThat(line.heard(1000)).as("B still held").isLessThan(ABSENT);

        line.handset().onHook();
        line.advance(2000);
        assertThat(b.transferredOver).isSameAs(c);
        assertThat(c.hungUp).as("C waits for the outcome").isFalse();
        line.scheduler.execute(() -> b.transferResult.outcome(200));
        line.advance(100);
        assertThat(b.hungUp).isTrue();
        assertThat(c.hungUp).isTrue();
        assertThat(line.handset().ringing()).isFalse();
        assertThat(line.line().state()).isEqualTo(LineState.IDLE);
    }

    @Test
    @DisplayName("CALL-22 an attended transfer that fails rings the phone; answering talks to the held party again")
    void attendedTransferFailsRingsBack() {
        FlashLine line = line(Map.of());
        FlashLine.Consultation calls = line.consult();
        FakeCall b = calls.held();
        FakeCall c = calls.consulted();
        line.handset().onHook();
        line.advance(2000);
        line.scheduler.execute(() -> b.transferResult.outcome(603));
        line.advance(500);
        assertThat(c.hungUp).isTrue();
        assertThat(b.hungUp).isFalse();
        assertThat(line.handset().ringing()).isTrue();

        line.handset().offHook();
        line.advance(500);
        assertThat(b.holds).containsExactly(true, false);
        assertThat(line.heard(1000)).isGreaterThan(PRESENT);
    }

    @Test
    @DisplayName("CALL-21 a flash while the consulted party still rings cancels that call and takes the held one back")
    void flashBackWhileRinging() {
        FlashLine line = line(Map.of());
        FakeCall b = line.holdFor("1002");
        line.press("1003#");
        FakeCall c = line.calls.get("1003");
        line.flash();
        assertThat(c.hungUp).isTrue();
        assertThat(b.holds).containsExactly(true, false);
        assertThat(line.heard(1000)).isGreaterThan(PRESENT);
    }

    @Test
    @DisplayName("CALL-24 CALL-25 3-way conference: flash, dial C, C answers, flash joins all three (mixed here); "
            + "a flash drops C")
    void conference() {
        FlashLine line = line(Map.of());
        FlashLine.Consultation calls = line.consult();
        FakeCall b = calls.held();
        FakeCall c = calls.consulted();
        line.handset().speak(new ToneGenerator(ToneSpec.parse("f1=600@-15,c=0/0;")));
        line.flash();
        assertThat(line.line().inConference()).isTrue();
        assertThat(b.holds).containsExactly(true, false);
        line.advance(500);
        assertThat(line.heard(1000)).as("A hears B").isGreaterThan(PRESENT);
        assertThat(line.heard(1400)).as("A hears C").isGreaterThan(PRESENT);
        short[] atB = b.lastReceived(10);
        short[] atC = c.lastReceived(10);
        assertThat(Measure.levelDbm0(atB, 0, 200, 600)).as("B hears A").isGreaterThan(PRESENT);
        assertThat(Measure.levelDbm0(atB, 0, 200, 1400)).as("B hears C").isGreaterThan(PRESENT);
        assertThat(Measure.levelDbm0(atC, 0, 200, 600)).as("C hears A").isGreaterThan(PRESENT);
        assertThat(Measure.levelDbm0(atC, 0, 200, 1000)).as("C hears B").isGreaterThan(PRESENT);

        line.flash();
        assertThat(line.line().inConference()).isFalse();
        assertThat(c.hungUp).isTrue();
        assertThat(b.hungUp).isFalse();
        line.advance(300);
        assertThat(line.heard(1000)).isGreaterThan(PRESENT);
        assertThat(line.heard(1400)).isLessThan(ABSENT);
    }

    @Test
    @DisplayName("CALL-26 P4560 Transfer on Conference Hangup: the host hanging up transfers B to C; without it all end")
    void conferenceHangUp() {
        FlashLine transferring = line(Map.of("P4560", "1"));
        FlashLine.Consultation calls = transferring.consult();
        FakeCall b = calls.held();
        FakeCall c = calls.consulted();
        transferring.flash();
        transferring.handset().onHook();
        transferring.advance(2000);
        assertThat(b.transferredOver).isSameAs(c);
    }

    @Test
    @DisplayName("CALL-26 without P4560 the conference host hanging up ends both calls")
    void conferenceEndsWithHost() {
        FlashLine line = line(Map.of());
        FlashLine.Consultation calls = line.consult();
        FakeCall b = calls.held();
        FakeCall c = calls.consulted();
        line.flash();
        line.handset().onHook();
        line.advance(2000);
        assertThat(b.transferredOver).isNull();
        assertThat(b.hungUp).isTrue();
        assertThat(c.hungUp).isTrue();
        assertThat(line.handset().ringing()).isFalse();
    }

    @Test
    @DisplayName("CALL-24 P4830 with Bellcore 3-way disabled a flash swaps between the two calls instead")
    void conferenceDisabled() {
        FlashLine line = line(Map.of("P4830", "1"));
        FlashLine.Consultation calls = line.consult();
        FakeCall b = calls.held();
        FakeCall c = calls.consulted();
        line.flash();
        assertThat(line.line().inConference()).isFalse();
        assertThat(c.holds).containsExactly(true);
        assertThat(line.heard(1000)).isGreaterThan(PRESENT);
    }

    @Test
    @DisplayName("CALL-27 STAR-30 Flash Digit Control (HT813 P28080): Flash+2 swaps, Flash+1 ends the current call for the "
            + "held one, Flash+3 conferences, Flash+4 transfers")
    void flashDigitControl() {
        FlashLine line = new FlashLine(dataDir, DeviceModels.HT813, Map.of("P28080", "1"));
        FlashLine.Consultation calls = line.consult();
        FakeCall b = calls.held();
        FakeCall c = calls.consulted();

        line.flash();
        line.press("2");
        assertThat(c.holds).containsExactly(true);
        assertThat(line.heard(1000)).as("Flash+2: B").isGreaterThan(PRESENT);

        line.flash();
        line.press("3");
        assertThat(line.line().inConference()).as("Flash+3").isTrue();

        line.flash();
        assertThat(c.hungUp).as("a plain flash in the conference drops the last party").isTrue();
        assertThat(b.hungUp).isFalse();
    }

    @Test
    @DisplayName("CALL-27 STAR-30 Flash+1 hangs up the current call and resumes the held one; Flash+4 completes the transfer")
    void flashDigitEndsAndTransfers() {
        FlashLine line = new FlashLine(dataDir, DeviceModels.HT813, Map.of("P28080", "1"));
        FlashLine.Consultation calls = line.consult();
        FakeCall b = calls.held();
        FakeCall c = calls.consulted();
        line.flash();
        line.press("1");
        assertThat(c.hungUp).isTrue();
        assertThat(b.holds).containsExactly(true, false);
        assertThat(line.heard(1000)).isGreaterThan(PRESENT);

        line.flash();
        FakeCall d = line.dialAndAnswer("1004");
        line.flash();
        line.press("4");
        assertThat(b.transferredOver).isSameAs(d);
        line.scheduler.execute(() -> b.transferResult.outcome(202));
        line.advance(300);
        assertThat(List.of(b.hungUp, d.hungUp)).containsOnly(true);
    }

    @Test
    @DisplayName("CALL-16 with call-waiting caller ID off (P714) a waiting call gives the call-waiting tone; with the "
            + "tone off too (P186) the phone hears nothing of it")
    void callWaitingToneSettings() {
        FlashLine toneOnly = new FlashLine(dataDir.resolve("tone"), DeviceModels.HT502, Map.of("P714", "1"));
        toneOnly.talkTo("1002");
        toneOnly.handset().earpiece().clear();
        toneOnly.callWaiting("1003");
        short[] heard = toneOnly.handset().earpiece().last(300);
        assertThat(Measure.levelDbm0(heard, 0, 300, 440)).as("the call-waiting tone").isGreaterThan(PRESENT);
        assertThat(toneOnly.handset().callerId()).as("no caller ID").isEmpty();

        FlashLine silent = new FlashLine(dataDir.resolve("silent"), DeviceModels.HT502, Map.of("P714", "1", "P186", "1"));
        silent.talkTo("1002");
        silent.callWaiting("1003");
        short[] quiet = silent.handset().earpiece().last(300);
        assertThat(Measure.levelDbm0(quiet, 0, 300, 440)).isLessThan(ABSENT);
        assertThat(silent.line().hasWaitingCall()).as("the call still waits for a flash").isTrue();
    }
}
