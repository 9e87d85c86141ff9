package dev.ataemu.media.codec.g722;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.media.codec.g711.CodecSignals;
import dev.ataemu.media.codec.g711.Ffmpeg;
import dev.ataemu.media.dsp.Resampler;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class G722InteropTest {

    /** Speech-like audio plus a 5.5 kHz tone, so that the upper sub-band has work to do. */
    private static short[] wideband() {
        short[] wide = CodecSignals.speechLike(32000, 16000);
        short[] tone = CodecSignals.sine(5500, -15, 32000, 16000);
        for (int i = 0; i < wide.length; i++) {
            wide[i] = (short) (wide[i] + tone[i]);
        }
        return wide;
    }

    @DisplayName("MEDIA-01: at 16 kHz our G.722 encoder and decoder are bit-exact with ffmpeg's")
    @Test
    void bitExactWithFfmpegAt16kHz() {
        short[] wide = wideband();
        G722Encoder16k encoder = new G722Encoder16k();
        byte[] ours = new byte[wide.length / 2];
        for (int i = 0; i < ours.length; i++) {
            ours[i] = (byte) encoder.encode(wide[2 * i], wide[2 * i + 1]);
        }
        byte[] theirs = Ffmpeg.convert(Ffmpeg.s16le(wide), List.of("-f", "s16le", "-ar", "16000", "-ac", "1"),
                List.of("-c:a", "g722", "-f", "g722"));
        assertThat(ours).isEqualTo(theirs);

        G722Decoder16k decoder = new G722Decoder16k();
        short[] decoded = new short[wide.length];
        for (int i = 0; i < theirs.length; i++) {
            decoder.decode(theirs[i] & 0xFF, decoded, 2 * i);
        }
        short[] byFfmpeg = Ffmpeg.fromS16le(Ffmpeg.convert(theirs, List.of("-f", "g722"), List.of("-f", "s16le", "-ar", "16000")));
        assertThat(decoded).isEqualTo(byFfmpeg);
        System.out.printf("G722 at 16 kHz: %d codewords and %d samples identical with ffmpeg, SNR %.2f dB (QMF delay %d)%n",
                ours.length, decoded.length, CodecSignals.snr(wide, decoded, 22, 400), CodecSignals.bestLag(wide, decoded, 40, 400));
    }

    @DisplayName("MEDIA-01: G.722 through the 8 kHz line cross-decodes with ffmpeg both ways")
    @Test
    void crossDecodingThroughTheLine() {
        G722 codec = new G722();
        short[] line = CodecSignals.speechLike(16000, 8000);
        short[] sine = CodecSignals.sine(1004, -10, 16000, 8000);
        for (short[] source : List.of(sine, line)) {
            short[] own = CodecSignals.roundTrip(codec, source);
            int lag = CodecSignals.bestLag(source, own, 80, 800);
            double ownSnr = CodecSignals.snr(source, own, lag, 800);

            short[] wide = Ffmpeg.fromS16le(Ffmpeg.convert(CodecSignals.encode(codec, source), List.of("-f", "g722"),
                    List.of("-f", "s16le", "-ar", "16000")));
            short[] byFfmpeg = new short[wide.length / 2];
            Resampler.halving().process(wide, 0, wide.length, byFfmpeg, 0);
            double theyDecode = CodecSignals.snr(source, byFfmpeg, lag, 800);

            short[] source16k = new short[2 * source.length];
            Resampler.doubling().process(source, 0, source.length, source16k, 0);
            byte[] theirs = Ffmpeg.convert(Ffmpeg.s16le(source16k), List.of("-f", "s16le", "-ar", "16000", "-ac", "1"),
                    List.of("-c:a", "g722", "-f", "g722"));
            short[] byUs = CodecSignals.decode(codec, theirs, source.length);
            double weDecode = CodecSignals.snr(source, byUs, lag, 800);

            System.out.printf("G722 %s: own round trip %.2f dB (delay %d samples), ffmpeg decodes ours %.2f dB, we decode ffmpeg's %.2f dB%n",
                    source == sine ? "1 kHz -10 dBm0 sine" : "speech-like", ownSnr, lag, theyDecode, weDecode);
            assertThat(ownSnr).isGreaterThan(20);
            assertThat(theyDecode).isGreaterThan(ownSnr - 1);
            assertThat(weDecode).isGreaterThan(ownSnr - 1);
        }
    }

    @DisplayName("MEDIA-04: G.722 is payload type 9 with an 8000 Hz SDP clock, one byte per line sample")
    @Test
    void descriptor() {
        G722 codec = new G722();
        assertThat(codec.staticPayloadType()).isEqualTo(9);
        assertThat(codec.clockRate()).isEqualTo(8000);
        assertThat(codec.frameMs()).isEqualTo(10);
        assertThat(codec.newEncoder().encode(new short[160], 0, 160, new byte[160], 0)).isEqualTo(160);
    }
}
