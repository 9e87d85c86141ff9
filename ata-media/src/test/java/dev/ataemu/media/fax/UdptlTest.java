package dev.ataemu.media.fax;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class UdptlTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    @DisplayName("CALL-41 a CED indicator in UDPTL with the two packets before it, byte by byte")
    void encodesWithRedundancy() {
        byte[] datagram = Udptl.encode(new Udptl.Packet(0x0102, Ifp.indicator(Ifp.Indicator.CED),
                List.of(Ifp.indicator(Ifp.Indicator.CNG), Ifp.indicator(Ifp.Indicator.NO_SIGNAL))));

        // sequence, primary (length 1, CED = 2 << 1), redundancy choice, 2 earlier packets (each length 1)
        assertThat(HEX.formatHex(datagram)).isEqualTo("010201040002010201" + "00");
    }

    @Test
    @DisplayName("CALL-41 UDPTL packets read back as written, long packets with a two-byte length")
    void roundTrip() {
        byte[] big = new byte[300];
        big[0] = (byte) 0xc0;
        Udptl.Packet packet = new Udptl.Packet(65535, big, List.of(Ifp.indicator(Ifp.Indicator.V21_PREAMBLE)));

        Udptl.Packet back = Udptl.decode(Udptl.encode(packet), Udptl.encode(packet).length).orElseThrow();

        assertThat(back.sequence()).isEqualTo(65535);
        assertThat(back.primary()).isEqualTo(big);
        assertThat(back.secondary()).hasSize(1);
        assertThat(Ifp.kind(back.secondary().get(0), 0, 1).indicator()).contains(Ifp.Indicator.V21_PREAMBLE);
    }

    @Test
    @DisplayName("CALL-41 IFP packets say what they are: every indicator, and data by its modulation")
    void kinds() {
        for (Ifp.Indicator indicator : Ifp.Indicator.values()) {
            assertThat(Ifp.kind(Ifp.indicator(indicator), 0, 1).indicator()).contains(indicator);
        }
        // t30-data, data field present, v21 then v17-14400 (as T.38 gateways send them)
        assertThat(Ifp.kind(new byte[] {(byte) 0xc0, 0x01}, 0, 2).data()).contains(Ifp.DataType.V21);
        assertThat(Ifp.kind(new byte[] {(byte) 0xd0, 0x01}, 0, 2).data()).contains(Ifp.DataType.V17_14400);
        assertThat(Ifp.kind(new byte[] {(byte) 0x20}, 0, 1)).isEqualTo(Ifp.Kind.UNKNOWN);
        assertThat(Ifp.kind(new byte[0], 0, 0)).isEqualTo(Ifp.Kind.UNKNOWN);
    }

    @Test
    @DisplayName("CALL-41 a short, truncated or empty datagram is no UDPTL packet")
    void refusesBrokenDatagrams() {
        assertThat(Udptl.decode(new byte[0], 0)).isEqualTo(Optional.empty());
        assertThat(Udptl.decode(HEX.parseHex("0001"), 2)).isEmpty();
        assertThat(Udptl.decode(HEX.parseHex("000105aa"), 4)).isEmpty();
        assertThat(Udptl.decode(HEX.parseHex("0001c0"), 3)).isEmpty();
        assertThat(Udptl.decode(HEX.parseHex("00010104"), 4)).get().extracting(Udptl.Packet::secondary)
                .isEqualTo(List.of());
    }
}
