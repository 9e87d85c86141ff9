package dev.ataemu.media.codec.g726;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.media.codec.g711.CodecSignals;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class G726Test {

    @DisplayName("MEDIA-01, GAP-02: G.726 at 16, 24, 32 and 40 kbit/s round-trips a sine and a speech-like signal")
    @ParameterizedTest
    @CsvSource({"KBIT_16, 9, 8", "KBIT_24, 14, 13", "KBIT_32, 20, 19", "KBIT_40, 26, 25"})
    void roundTripSnr(G726Rate rate, double sineFloor, double speechFloor) {
        G726 codec = new G726(rate, G726Packing.RFC3551);
        short[] sine = CodecSignals.sine(1004, -10, 16000, 8000);
        short[] speech = CodecSignals.speechLike(16000, 8000);
        double sineSnr = CodecSignals.snr(sine, CodecSignals.roundTrip(codec, sine), 0, 800);
        double speechSnr = CodecSignals.snr(speech, CodecSignals.roundTrip(codec, speech), 0, 800);
        System.out.printf("%s round trip: 1 kHz -10 dBm0 sine %.2f dB, speech-like %.2f dB%n", codec.encodingName(), sineSnr, speechSnr);
        assertThat(sineSnr).isGreaterThan(sineFloor);
        assertThat(speechSnr).isGreaterThan(speechFloor);
    }

    @DisplayName("MEDIA-06..09: RFC 3551 packs the first codeword in the low bits, AAL2 in the high bits")
    @Test
    void packings() {
        int[] codes = {1, 2, 3, 4, 5, 6, 7, 0};
        byte[] le = new byte[3];
        byte[] be = new byte[3];
        assertThat(G726Packing.RFC3551.pack(codes, 8, 3, le, 0)).isEqualTo(3);
        assertThat(G726Packing.AAL2.pack(codes, 8, 3, be, 0)).isEqualTo(3);
        // 3-bit codewords 1..7,0: little-endian bit stream 001 010 011 100 101 110 111 000 from bit 0 up
        assertThat(le).containsExactly(0xD1, 0x58, 0x1F);
        // big-endian: 001 010 011 100 101 110 111 000 from the top bit down
        assertThat(be).containsExactly(0x29, 0xCB, 0xB8);
        for (G726Packing packing : G726Packing.values()) {
            int[] back = new int[8];
            assertThat(packing.unpack(packing == G726Packing.RFC3551 ? le : be, 0, 3, 3, back)).isEqualTo(8);
            assertThat(back).containsExactly(codes);
        }
        int[] fives = {31, 0, 17, 2, 9, 30, 1, 16};
        for (G726Packing packing : G726Packing.values()) {
            byte[] out = new byte[5];
            packing.pack(fives, 8, 5, out, 0);
            int[] back = new int[8];
            packing.unpack(out, 0, 5, 5, back);
            assertThat(back).containsExactly(fives);
        }
    }

    @DisplayName("MEDIA-06..09: eight codecs with dynamic payload types, 10 ms frames")
    @Test
    void descriptors() {
        G726 aal2 = new G726(G726Rate.KBIT_40, G726Packing.AAL2);
        G726 rfc = new G726(G726Rate.KBIT_32, G726Packing.RFC3551);
        assertThat(aal2.encodingName()).isEqualTo("AAL2-G726-40");
        assertThat(rfc.encodingName()).isEqualTo("G726-32");
        assertThat(rfc.staticPayloadType()).isEqualTo(-1);
        assertThat(aal2.clockRate()).isEqualTo(8000);
        assertThat(aal2.frameMs()).isEqualTo(10);
        byte[] out = new byte[100];
        assertThat(aal2.newEncoder().encode(new short[80], 0, 80, out, 0)).isEqualTo(50);
        assertThat(new G726(G726Rate.KBIT_16, G726Packing.AAL2).newEncoder().encode(new short[160], 0, 160, out, 0)).isEqualTo(40);
    }

    @DisplayName("MEDIA-01: lost G.726 packets are concealed and the decoder recovers")
    @Test
    void concealment() {
        G726 codec = new G726(G726Rate.KBIT_32, G726Packing.RFC3551);
        short[] sine = CodecSignals.sine(440, -10, 16000, 8000);
        byte[] payload = CodecSignals.encode(codec, sine);
        var decoder = codec.newDecoder();
        short[] concealed = new short[sine.length];
        short[] silent = new short[sine.length];
        var silentDecoder = codec.newDecoder();
        for (int f = 0; f < 200; f++) {
            if (f % 5 == 3) {
                decoder.conceal(concealed, f * 80, 80);
            } else {
                decoder.decode(payload, f * 40, 40, concealed, f * 80);
                silentDecoder.decode(payload, f * 40, 40, silent, f * 80);
            }
        }
        double a = CodecSignals.snr(sine, concealed, 0, 800);
        double b = CodecSignals.snr(sine, silent, 0, 800);
        System.out.printf("G726-32 with 20 %% loss: concealed %.2f dB, silence %.2f dB%n", a, b);
        assertThat(a).isGreaterThan(b + 6);
    }
}
