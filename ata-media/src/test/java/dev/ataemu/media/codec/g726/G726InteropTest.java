package dev.ataemu.media.codec.g726;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.media.codec.g711.CodecSignals;
import dev.ataemu.media.codec.g711.Ffmpeg;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class G726InteropTest {

    private static final int SAMPLES = 16000;

    private static short[] source() {
        return CodecSignals.speechLike(SAMPLES, 8000);
    }

    private static String muxer(G726Packing packing) {
        return packing == G726Packing.RFC3551 ? "g726le" : "g726";
    }

    /**
     * ffmpeg's G.726 is a looser rendition of the recommendation: it rounds the scale factor mix,
     * the transition threshold and the pole update differently and, at 40 kbit/s, leaks the zero
     * predictor by 2^-8 instead of 2^-9, so its predictor drifts away from ours there. The lower
     * rates still cross-decode within a few dB of a matched pair; 40 kbit/s only proves the packing.
     */
    @DisplayName("MEDIA-01, MEDIA-06..09: G.726 cross-decodes with ffmpeg (g726le = RFC 3551, g726 = AAL2 packing)")
    @ParameterizedTest
    @EnumSource(G726Rate.class)
    void crossDecoding(G726Rate rate) {
        short[] pcm = source();
        for (G726Packing packing : G726Packing.values()) {
            G726 codec = new G726(rate, packing);
            short[] own = CodecSignals.roundTrip(codec, pcm);
            byte[] ours = CodecSignals.encode(codec, pcm);
            short[] ffDecoded = Ffmpeg.fromS16le(Ffmpeg.convert(ours,
                    List.of("-f", muxer(packing), "-code_size", String.valueOf(rate.bits()), "-sample_rate", "8000"),
                    List.of("-f", "s16le")));
            byte[] theirs = Ffmpeg.convert(Ffmpeg.s16le(pcm), List.of("-f", "s16le", "-ar", "8000", "-ac", "1"),
                    List.of("-c:a", packing == G726Packing.RFC3551 ? "adpcm_g726le" : "adpcm_g726",
                            "-code_size", String.valueOf(rate.bits()), "-f", muxer(packing)));
            short[] weDecode = CodecSignals.decode(codec, theirs, pcm.length);
            double ownSnr = CodecSignals.snr(pcm, own, 0, 400);
            double theyDecode = CodecSignals.snr(pcm, ffDecoded, 0, 400);
            double weDecodeSnr = CodecSignals.snr(pcm, weDecode, 0, 400);
            System.out.printf("%s: own round trip %.2f dB, ffmpeg decodes ours %.2f dB, we decode ffmpeg's %.2f dB%n",
                    codec.encodingName(), ownSnr, theyDecode, weDecodeSnr);
            double floor = rate == G726Rate.KBIT_40 ? 5 : ownSnr - 3;
            assertThat(theyDecode).isGreaterThan(floor);
            assertThat(weDecodeSnr).isGreaterThan(floor);
            assertThat(ffDecoded.length).isEqualTo(pcm.length);
        }
    }
}
