package dev.ataemu.media.callerid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.media.fsk.FskModulator;
import dev.ataemu.media.fsk.FskStandard;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CallerIdReceiverTest {

    private final LinePlayer.Display display = new LinePlayer.Display();

    @Test
    @DisplayName("DTMF-08 DTMF caller ID is read when the stop digit arrives; a start digit drops earlier junk")
    void dtmfStrings() {
        CallerIdReceiver receiver = new CallerIdReceiver(display);

        digits(receiver, "55A6265551234C");
        digits(receiver, "D1#");
        digits(receiver, "A#");

        assertThat(display.callers).containsExactly(CallerId.empty().withNumber("6265551234"),
                CallerId.empty().withNumberAbsent(Absence.PRIVATE));
        assertThat(display.rejected).hasSize(1);
    }

    @Test
    @DisplayName("DTMF-08 a receiver set to other start/stop digits (P4663/P4664) waits for those")
    void dtmfWithMarkers() {
        CallerIdReceiver receiver = new CallerIdReceiver(Set.of(), Optional.of(DtmfMarkers.of('D', '#')), display);

        digits(receiver, "D6265551234C");
        assertThat(display.callers).isEmpty();
        digits(receiver, "#");
        digits(receiver, "4D5551000#");

        assertThat(display.callers).containsExactly(CallerId.empty().withNumber("5551000"));
        assertThat(display.rejected).hasSize(1);
    }

    @Test
    @DisplayName("HW-30 a corrupted FSK message is reported as rejected, with the reason")
    void corruptMessageIsRejected() {
        byte[] message = CallerIdMessages.mdmf(CallerId.empty().withNumber("6265551234"));
        message[4] ^= 0x02;
        CallerIdReceiver receiver = new CallerIdReceiver(display);

        LinePlayer.frames(FskModulator.burst(FskStandard.BELL_202, -13.5, 300, 180, message), receiver);
        LinePlayer.frames(new short[1600], receiver);

        assertThat(display.callers).isEmpty();
        assertThat(display.rejected).singleElement().asString().contains("checksum");
    }

    @Test
    @DisplayName("HW-30 reset forgets a half-received DTMF string")
    void resetForgets() {
        CallerIdReceiver denmark = CallerIdReceiver.forScheme(CallerIdScheme.DTMF_DENMARK,
                CallerIdScheme.DTMF_DENMARK.dtmfMarkers(), display);

        digits(denmark, "A62655");
        denmark.reset();
        digits(denmark, "5551000#");

        assertThat(display.callers).containsExactly(CallerId.empty().withNumber("5551000"));
    }

    private static void digits(CallerIdReceiver receiver, String digits) {
        digits.chars().forEach(digit -> receiver.dtmfDigit((char) digit));
    }
}
