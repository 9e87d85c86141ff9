package dev.ataemu.media.callerid;

import static dev.ataemu.media.callerid.CallerIdMessagesTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NttMessagesTest {

    @Test
    @DisplayName("HW-33 NTT CRC-16 is the reflected 0x8408 code with initial 0 (check value 0x2189)")
    void crcCheckValue() {
        assertThat(NttMessages.crc16("123456789".getBytes(StandardCharsets.US_ASCII), 0, 9)).isEqualTo(0x2189);
    }

    @Test
    @DisplayName("HW-33 NTT framing: DLE SOH 07 DLE STX 40, even parity in bit 7, CRC low octet first")
    void framing() {
        byte[] wire = NttMessages.encode(CallerId.empty().withNumber("0312"));

        byte[] frame = java.util.Arrays.copyOf(wire, wire.length - 2);
        assertThat(frame).containsExactly(bytes(0x90, 0x81, 0x87, 0x90, 0x82, 0xC0, 0x06,
                0x82, 0x84, 0x30, 0x33, 0xB1, 0xB2, 0x90, 0x03));
        int crc = NttMessages.crc16(frame, 2, frame.length);
        assertThat(wire[wire.length - 2] & 0xFF).isEqualTo(crc & 0xFF);
        assertThat(wire[wire.length - 1] & 0xFF).isEqualTo(crc >> 8);
        assertThat(NttMessages.crc16(wire, 2, wire.length)).isZero();
    }

    @Test
    @DisplayName("HW-33 NTT messages round-trip, a DLE in the body is doubled, errors are refused")
    void roundTripAndErrors() {
        CallerId number = CallerId.empty().withNumber("0312345678");
        CallerId withheld = CallerId.empty().withNumberAbsent(Absence.PRIVATE);
        // Fourteen digits make a body of 16 octets, and 16 is DLE: the length octet is sent twice.
        CallerId sixteen = CallerId.empty().withNumber("12345678901234");

        assertThat(NttMessages.decode(NttMessages.encode(number))).isEqualTo(new CallerIdMessage.CallSetup(number));
        assertThat(NttMessages.decode(NttMessages.encode(withheld))).isEqualTo(new CallerIdMessage.CallSetup(withheld));
        byte[] stuffed = NttMessages.encode(sixteen);
        assertThat(stuffed[6] & 0x7F).isEqualTo(0x10);
        assertThat(stuffed[7] & 0x7F).isEqualTo(0x10);
        assertThat(NttMessages.decode(stuffed)).isEqualTo(new CallerIdMessage.CallSetup(sixteen));

        byte[] corrupt = NttMessages.encode(number);
        corrupt[9] ^= 0x01;
        assertThatThrownBy(() -> NttMessages.decode(corrupt)).hasMessageContaining("CRC");
    }
}
