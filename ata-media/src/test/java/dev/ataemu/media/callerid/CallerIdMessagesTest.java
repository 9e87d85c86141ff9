package dev.ataemu.media.callerid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CallerIdMessagesTest {

    private static final DateAndTime NOV_21_1530 = new DateAndTime(11, 21, 15, 30);
    private static final CallerId ALICE = CallerId.of("6265551234", "ALICE", NOV_21_1530);

    @Test
    @DisplayName("HW-33 Bellcore MDMF of date, number and name is byte-exact, checksum 0x4F worked by hand")
    void mdmfByteExact() {
        // 0x80 + 0x1D + (1+8) + 398 + (2+10) + 519 + (7+5) + 350 = 1457 = 0x5B1; 0x100 - 0xB1 = 0x4F.
        assertThat(CallerIdMessages.mdmf(ALICE)).containsExactly(bytes(
                0x80, 0x1D,
                0x01, 0x08, '1', '1', '2', '1', '1', '5', '3', '0',
                0x02, 0x0A, '6', '2', '6', '5', '5', '5', '1', '2', '3', '4',
                0x07, 0x05, 'A', 'L', 'I', 'C', 'E',
                0x4F));
    }

    @Test
    @DisplayName("HW-33 every encoded message adds up to 0 modulo 256, checksum included")
    void allOctetsSumToZero() {
        for (byte[] message : new byte[][] {CallerIdMessages.mdmf(ALICE), CallerIdMessages.sdmf(ALICE),
                CallerIdMessages.etsiCallSetup(ALICE), CallerIdMessages.sdmfMessageWaiting(true),
                CallerIdMessages.mdmfMessageWaiting(false)}) {
            int sum = 0;
            for (byte octet : message) {
                sum += octet & 0xFF;
            }
            assertThat(sum % 256).isZero();
        }
    }

    @Test
    @DisplayName("HW-33 Bellcore SDMF with a number, with O and with P, byte-exact")
    void sdmfByteExact() {
        assertThat(CallerIdMessages.sdmf(ALICE)).containsExactly(bytes(0x04, 0x12,
                '1', '1', '2', '1', '1', '5', '3', '0', '6', '2', '6', '5', '5', '5', '1', '2', '3', '4', 0x55));
        CallerId unavailable = CallerId.empty().withDateTime(NOV_21_1530).withNumberAbsent(Absence.UNAVAILABLE);
        assertThat(CallerIdMessages.sdmf(unavailable)).containsExactly(bytes(0x04, 0x09,
                '1', '1', '2', '1', '1', '5', '3', '0', 'O', 0x16));
        CallerId withheld = CallerId.empty().withDateTime(NOV_21_1530).withNumberAbsent(Absence.PRIVATE);
        assertThat(CallerIdMessages.sdmf(withheld)).containsExactly(bytes(0x04, 0x09,
                '1', '1', '2', '1', '1', '5', '3', '0', 'P', 0x15));
    }

    @Test
    @DisplayName("HW-33 ETSI call set-up leads with call type voice, byte-exact")
    void etsiCallSetupByteExact() {
        assertThat(CallerIdMessages.etsiCallSetup(ALICE)).containsExactly(bytes(
                0x80, 0x20,
                0x11, 0x01, 0x01,
                0x01, 0x08, '1', '1', '2', '1', '1', '5', '3', '0',
                0x02, 0x0A, '6', '2', '6', '5', '5', '5', '1', '2', '3', '4',
                0x07, 0x05, 'A', 'L', 'I', 'C', 'E',
                0x39));
    }

    @Test
    @DisplayName("CALL-31 message waiting on and off, SDMF and MDMF/ETSI, byte-exact")
    void messageWaitingByteExact() {
        assertThat(CallerIdMessages.sdmfMessageWaiting(true)).containsExactly(bytes(0x06, 0x03, 0x42, 0x42, 0x42, 0x31));
        assertThat(CallerIdMessages.sdmfMessageWaiting(false)).containsExactly(bytes(0x06, 0x03, 0x6F, 0x6F, 0x6F, 0xAA));
        assertThat(CallerIdMessages.mdmfMessageWaiting(true)).containsExactly(bytes(0x82, 0x03, 0x0B, 0x01, 0xFF, 0x70));
        assertThat(CallerIdMessages.mdmfMessageWaiting(false)).containsExactly(bytes(0x82, 0x03, 0x0B, 0x01, 0x00, 0x6F));
    }

    @Test
    @DisplayName("HW-33 decoding gives back what was encoded, absences and redirection included")
    void roundTrips() {
        CallerId full = ALICE.withRedirection(Redirection.BUSY);
        CallerId hidden = CallerId.empty().withDateTime(DateAndTime.of(LocalDateTime.of(2024, 1, 2, 3, 4)))
                .withNumberAbsent(Absence.PRIVATE).withNameAbsent(Absence.UNAVAILABLE);

        assertThat(CallerIdMessages.decode(CallerIdMessages.mdmf(full))).isEqualTo(new CallerIdMessage.CallSetup(full));
        assertThat(CallerIdMessages.decode(CallerIdMessages.mdmf(hidden)))
                .isEqualTo(new CallerIdMessage.CallSetup(hidden));
        assertThat(CallerIdMessages.decode(CallerIdMessages.etsiCallSetup(ALICE)))
                .isEqualTo(new CallerIdMessage.CallSetup(ALICE));
        assertThat(CallerIdMessages.decode(CallerIdMessages.sdmf(ALICE)))
                .isEqualTo(new CallerIdMessage.CallSetup(CallerId.empty().withDateTime(NOV_21_1530).withNumber("6265551234")));
        assertThat(CallerIdMessages.decode(CallerIdMessages.sdmfMessageWaiting(true)))
                .isEqualTo(new CallerIdMessage.MessageWaiting(true));
        assertThat(CallerIdMessages.decode(CallerIdMessages.mdmfMessageWaiting(false)))
                .isEqualTo(new CallerIdMessage.MessageWaiting(false));
        assertThat(hidden.dateTime()).contains(new DateAndTime(1, 2, 3, 4));
        assertThat(NOV_21_1530.wire()).isEqualTo("11211530");
    }

    @Test
    @DisplayName("HW-33 decoding refuses bad length, bad checksum, unknown types and bad fields with a reason")
    void decodingRefusesBrokenMessages() {
        byte[] good = CallerIdMessages.mdmf(ALICE);
        byte[] badChecksum = good.clone();
        badChecksum[5] ^= 0x01;
        byte[] shortened = java.util.Arrays.copyOf(good, good.length - 1);

        assertThatThrownBy(() -> CallerIdMessages.decode(badChecksum))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("checksum");
        assertThatThrownBy(() -> CallerIdMessages.decode(shortened))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("length octet says 29");
        assertThatThrownBy(() -> CallerIdMessages.decode(new MessageFrame(0x89, new byte[] {1}).wire()))
                .hasMessage("unsupported message type 0x89");
        assertThatThrownBy(() -> CallerIdMessages.decode(new MessageFrame(0x80, bytes(0x02, 0x09, '1')).wire()))
                .hasMessageContaining("claims 9 octets");
        assertThatThrownBy(() -> CallerIdMessages.decode(new MessageFrame(0x04, "1199".getBytes()).wire()))
                .hasMessageContaining("SDMF body");
        assertThatThrownBy(() -> CallerIdMessages.decode(new MessageFrame(0x80, bytes(0x01, 0x08,
                '1', '3', '2', '1', '1', '5', '3', '0')).wire())).hasMessageContaining("out of range");
        assertThatThrownBy(() -> CallerIdMessages.decode(new MessageFrame(0x80, bytes(0x02, 0x01, '5', 0x04, 0x01, 'P'))
                .wire())).hasMessageContaining("inconsistent");
    }

    @Test
    @DisplayName("HW-33 a caller ID cannot hold a value and a reason for its absence, nor an impossible time")
    void callerIdValidation() {
        assertThatThrownBy(() -> new CallerId(java.util.Optional.of("1"), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.of(Absence.PRIVATE), java.util.Optional.empty(),
                java.util.Optional.empty())).hasMessageContaining("absence");
        assertThatThrownBy(() -> CallerId.empty().withName("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> new DateAndTime(13, 1, 0, 0)).hasMessageContaining("month 13");
        assertThatThrownBy(() -> CallerIdMessages.sdmf(CallerId.empty().withNumber("1")))
                .hasMessageContaining("date and time");
        assertThat(CallerId.empty().withNumber("1").withNumberAbsent(Absence.PRIVATE).number()).isEmpty();
    }

    static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }
}
