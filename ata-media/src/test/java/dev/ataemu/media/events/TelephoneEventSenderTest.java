package dev.ataemu.media.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.media.dtmf.DtmfDigit;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TelephoneEventSenderTest {

    private static String describe(List<EventPacket> packets) {
        StringBuilder s = new StringBuilder();
        for (EventPacket p : packets) {
            s.append(p.atMs()).append(p.marker() ? "M" : "").append(p.event().end() ? "E" : "")
                    .append(':').append(p.event().duration()).append(' ');
        }
        return s.toString().trim();
    }

    @Test
    @DisplayName("DTMF-04 continuous events: a 300 ms press is one packet per 20 ms, growing, then three end packets")
    void continuousPressFollowsTheKey() {
        List<EventPacket> packets = new TelephoneEventSender(20, 8, 3, true).press(DtmfDigit.FIVE, 12_345, 300);

        assertThat(packets).hasSize(15 + 3);
        assertThat(packets).allMatch(p -> p.timestamp() == 12_345 && p.event().event() == 5 && p.event().volume() == 10);
        assertThat(packets).filteredOn(EventPacket::marker).containsExactly(packets.get(0));
        assertThat(describe(packets.subList(0, 3))).isEqualTo("0M:160 20:320 40:480");
        assertThat(describe(packets.subList(14, 18))).isEqualTo("280:2400 300E:2400 320E:2400 340E:2400");
    }

    @Test
    @DisplayName("DTMF-04 a short press still sends the events count: 100 ms and 30 ms both send 8, then 3 end packets")
    void shortPressesSendTheMinimum() {
        TelephoneEventSender sender = new TelephoneEventSender(20, 8, 3, true);
        for (int pressMs : new int[] {100, 30}) {
            List<EventPacket> packets = sender.press(DtmfDigit.HASH, 0xFFFF_FF00L, pressMs);
            assertThat(describe(packets)).isEqualTo(
                    "0M:160 20:320 40:480 60:640 80:800 100:960 120:1120 140:1280 160E:1280 180E:1280 200E:1280");
            assertThat(packets).allMatch(p -> p.event().event() == TelephoneEvent.HASH && p.timestamp() == 0xFFFF_FF00L);
        }
        TelephoneEventSender fewer = new TelephoneEventSender(20, 2, 3, true);
        assertThat(describe(fewer.press(DtmfDigit.ONE, 0, 100))).isEqualTo("0M:160 20:320 40:480 60:640 80:800 100E:800 120E:800 140E:800");
        assertThat(describe(fewer.press(DtmfDigit.ONE, 0, 30))).isEqualTo("0M:160 20:320 40E:320 60E:320 80E:320");
    }

    @Test
    @DisplayName("DTMF-04 not continuous (the default): every press sends exactly the events count, however long")
    void fixedCountWhateverTheLength() {
        TelephoneEventSender sender = new TelephoneEventSender();
        assertThat(sender.press(DtmfDigit.STAR, 0, 300)).hasSize(8 + 3);
        assertThat(sender.press(DtmfDigit.STAR, 0, 30)).hasSize(8 + 3);
    }

    @Test
    @DisplayName("DTMF-05 a hook flash is event 16 at volume 0, for the flash's length")
    void flashIsEvent16() {
        List<EventPacket> packets = new TelephoneEventSender(20, 8, 3, true).flash(800, 600);
        assertThat(packets).hasSize(30 + 3).allMatch(p -> p.event().event() == 16 && p.event().volume() == 0);
        assertThat(packets.get(packets.size() - 1).event().duration()).isEqualTo(4800);
    }

    @Test
    @DisplayName("DTMF-04 a press longer than the 16-bit duration goes out in segments with new timestamps")
    void longPressIsSegmented() {
        List<EventPacket> packets = new TelephoneEventSender(20, 8, 3, true).press(DtmfDigit.ZERO, 1000, 10_000);
        assertThat(packets).hasSize(500 + 3);
        // 65440 samples (409 packets) fit one segment
        assertThat(packets.get(408).timestamp()).isEqualTo(1000);
        assertThat(packets.get(408).event().duration()).isEqualTo(65_440);
        assertThat(packets.get(409).timestamp()).isEqualTo(1000 + 65_440);
        assertThat(packets.get(409).event().duration()).isEqualTo(160);
        assertThat(packets.get(409).marker()).isFalse();
        assertThat(packets.get(502).event().duration()).isEqualTo(80_000 - 65_440);
    }
}
