package dev.ataemu.media.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ataemu.media.dtmf.DtmfDigit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TelephoneEventTest {

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    @Test
    @DisplayName("DTMF-01 the payload is laid out as RFC 4733 section 2.3: event, E|R|volume, duration")
    void encodesByteExact() {
        assertThat(new TelephoneEvent(5, false, 10, 160).encode()).containsExactly(bytes(0x05, 0x0A, 0x00, 0xA0));
        assertThat(new TelephoneEvent(11, true, 10, 800).encode()).containsExactly(bytes(0x0B, 0x8A, 0x03, 0x20));
        assertThat(new TelephoneEvent(16, true, 0, 0xFFFF).encode()).containsExactly(bytes(0x10, 0x80, 0xFF, 0xFF));
        assertThat(new TelephoneEvent(0, false, 63, 0).encode()).containsExactly(bytes(0x00, 0x3F, 0x00, 0x00));
    }

    @Test
    @DisplayName("DTMF-01 decoding reads the same fields back and ignores the reserved bit")
    void decodesByteExact() {
        assertThat(TelephoneEvent.decode(bytes(0x0B, 0x8A, 0x03, 0x20))).isEqualTo(new TelephoneEvent(11, true, 10, 800));
        assertThat(TelephoneEvent.decode(bytes(0x0B, 0xCA, 0x03, 0x20))).isEqualTo(new TelephoneEvent(11, true, 10, 800));
        assertThat(TelephoneEvent.decode(bytes(0x10, 0x40, 0xFF, 0xFF))).isEqualTo(new TelephoneEvent(16, false, 0, 0xFFFF));
        byte[] inPacket = bytes(0x80, 0xE5, 0x07, 0x8A, 0x01, 0x40);
        assertThat(TelephoneEvent.decode(inPacket, 2, 4)).isEqualTo(new TelephoneEvent(7, true, 10, 0x0140));
    }

    @Test
    @DisplayName("DTMF-01 malformed payloads and out-of-range fields are refused")
    void refusesMalformed() {
        assertThatThrownBy(() -> TelephoneEvent.decode(bytes(0x05, 0x0A, 0x00))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TelephoneEvent.decode(bytes(0x05, 0x0A, 0x00, 0xA0, 0x00))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TelephoneEvent.decode(bytes(0x05, 0x0A), 0, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TelephoneEvent(256, false, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TelephoneEvent(1, false, 64, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TelephoneEvent(1, false, 10, 0x10000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("DTMF-01 event codes: 0-9, * 10, # 11, A-D 12-15 (RFC 4733 section 3.2)")
    void mapsKeysToCodes() {
        String keys = "0123456789*#ABCD";
        for (int code = 0; code < 16; code++) {
            DtmfDigit digit = DtmfDigit.of(keys.charAt(code));
            assertThat(TelephoneEvent.codeOf(digit)).isEqualTo(code);
            assertThat(TelephoneEvent.digitOf(code)).contains(digit);
        }
        assertThat(TelephoneEvent.digitOf(TelephoneEvent.FLASH)).isEmpty();
    }
}
