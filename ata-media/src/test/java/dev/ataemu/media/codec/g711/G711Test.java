package dev.ataemu.media.codec.g711;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.media.codec.Codec;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class G711Test {

    @DisplayName("MEDIA-01: μ-law codewords of edge and segment-boundary samples")
    @ParameterizedTest
    @CsvSource({
        "0, 0xFF", "1, 0xFF", "-1, 0x7F", "32767, 0x80", "-32768, 0x00", "32124, 0x80", "-32124, 0x00",
        // 14-bit magnitude 30 + bias 33 = 63 is the top of segment 0; 31 + 33 = 64 starts segment 1
        "123, 0xF0", "124, 0xEF", "-124, 0x70", "-125, 0x6F",
        // 4063 + 33 = 4096 starts segment 7
        "16251, 0x90", "16252, 0x8F"})
    void ulawEncodesByTheSegmentFormula(int sample, String code) {
        assertThat(G711.linearToUlaw(sample) & 0xFF).isEqualTo(Integer.decode(code));
    }

    @DisplayName("MEDIA-01: A-law codewords of edge and segment-boundary samples")
    @ParameterizedTest
    @CsvSource({
        "0, 0xD5", "1, 0xD5", "-1, 0x55", "32767, 0xAA", "-32768, 0x2A",
        // 12-bit magnitude 15 is the top of segment 0, 16 starts segment 1, 1024 starts segment 7
        "255, 0xDA", "256, 0xC5", "-257, 0x45", "16383, 0xBA", "16384, 0xA5"})
    void alawEncodesByTheSegmentFormula(int sample, String code) {
        assertThat(G711.linearToAlaw(sample) & 0xFF).isEqualTo(Integer.decode(code));
    }

    @Test
    void decodesToTheMiddleOfEachInterval() {
        assertThat(G711.ulawToLinear((byte) 0xFF)).isEqualTo((short) 0);
        assertThat(G711.ulawToLinear((byte) 0x80)).isEqualTo((short) 32124);
        assertThat(G711.ulawToLinear((byte) 0x00)).isEqualTo((short) -32124);
        assertThat(G711.ulawToLinear((byte) 0xEF)).isEqualTo((short) (((2 * 0 + 33) * 2 - 33) * 4));
        assertThat(G711.alawToLinear((byte) 0xD5)).isEqualTo((short) 8);
        assertThat(G711.alawToLinear((byte) 0x55)).isEqualTo((short) -8);
        assertThat(G711.alawToLinear((byte) 0xAA)).isEqualTo((short) 32256);
        assertThat(G711.alawToLinear((byte) 0xC5)).isEqualTo((short) 264);
        for (int code = 0; code < 256; code++) {
            if (code != 0x7F) {
                assertThat(G711.linearToUlaw(G711.ulawToLinear((byte) code)) & 0xFF).isEqualTo(code);
            }
            assertThat(G711.linearToAlaw(G711.alawToLinear((byte) code)) & 0xFF).isEqualTo(code);
        }
    }

    @DisplayName("MEDIA-01: a -10 dBm0 1 kHz sine keeps about 38 dB SNR through PCMU and PCMA")
    @Test
    void roundTripSnr() {
        short[] sine = CodecSignals.sine(1004, -10, 8000, 8000);
        short[] speech = CodecSignals.speechLike(16000, 8000);
        for (Codec codec : List.of(new Pcmu(), new Pcma())) {
            double sineSnr = CodecSignals.snr(sine, CodecSignals.roundTrip(codec, sine), 0, 0);
            double speechSnr = CodecSignals.snr(speech, CodecSignals.roundTrip(codec, speech), 0, 0);
            System.out.printf("%s round trip: sine %.2f dB, speech-like %.2f dB%n", codec.encodingName(), sineSnr, speechSnr);
            assertThat(sineSnr).isBetween(36.0, 40.0);
            assertThat(speechSnr).isGreaterThan(30.0);
        }
    }

    @DisplayName("MEDIA-01, MEDIA-04: PCMU is payload type 0 and PCMA 8, 10 ms frames at 8000 Hz")
    @Test
    void descriptors() {
        assertThat(new Pcmu().staticPayloadType()).isZero();
        assertThat(new Pcma().staticPayloadType()).isEqualTo(8);
        assertThat(new Pcmu().clockRate()).isEqualTo(8000);
        assertThat(new Pcma().frameMs()).isEqualTo(10);
        byte[] payload = new byte[160];
        assertThat(new Pcmu().newEncoder().encode(new short[160], 0, 160, payload, 0)).isEqualTo(160);
    }
}
