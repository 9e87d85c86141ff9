package dev.ataemu.media.codec.opus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.media.audio.Audio;
import dev.ataemu.media.codec.CodecRegistry;
import dev.ataemu.media.codec.Fidelity;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Opus through our own encoder and decoder. Opus is perceptual, so waveform SNR is modest; the bar
 * is set a little under what Concentus measures, with the correlation after alignment as the second
 * measure.
 */
class OpusRoundTripTest {

    private static final int SECONDS = 3 * Audio.SAMPLE_RATE;

    @Test
    @DisplayName("MEDIA-02 MEDIA-11 Opus is opus/48000/2 with a dynamic payload type (123 by default) and a narrowband fmtp")
    void descriptor() {
        Opus opus = new Opus();
        assertThat(opus.encodingName()).isEqualTo("opus");
        assertThat(opus.clockRate()).isEqualTo(48_000);
        assertThat(opus.channels()).isEqualTo(2);
        assertThat(opus.staticPayloadType()).isEqualTo(-1);
        assertThat(Opus.DEFAULT_PAYLOAD_TYPE).isEqualTo(123);
        assertThat(opus.frameMs()).isEqualTo(20);
        assertThat(opus.fmtp()).isEqualTo("maxplaybackrate=8000;sprop-maxcapturerate=8000;maxaveragebitrate=20000;useinbandfec=1");
        assertThat(new CodecRegistry().register(opus).find("OPUS", 48_000)).containsSame(opus);
    }

    @Test
    @DisplayName("MEDIA-02 \"Disable OPUS Stereo in SDP\" offers stereo=0")
    void stereoDisabled() {
        assertThat(new Opus(true).fmtp()).endsWith(";stereo=0;sprop-stereo=0");
        assertThat(Opus.fmtp(false)).doesNotContain("stereo");
    }

    @Test
    @DisplayName("MEDIA-02 a 1 kHz sine comes back through Opus, delayed by the encoder's look-ahead")
    void sine() {
        short[] source = Voice.sine(1000, -10, SECONDS);
        Fidelity fidelity = roundTrip(source);

        // A 1 kHz sine repeats every 8 samples, so the delay is only known modulo 8.
        assertThat((fidelity.delay() - new Opus().newEncoder().lookahead()) % 8).isZero();
        assertThat(fidelity.snrDb()).isGreaterThan(9);
        assertThat(fidelity.correlation()).isGreaterThan(0.95);
    }

    @Test
    @DisplayName("MEDIA-02 speech-like audio comes back through Opus 6.5 ms late (52 samples of look-ahead)")
    void speech() {
        Fidelity fidelity = roundTrip(Voice.speech(7, -16, SECONDS));

        assertThat(fidelity.delay()).isEqualTo(new Opus().newEncoder().lookahead()).isEqualTo(52);
        assertThat(fidelity.snrDb()).isGreaterThan(8);
        assertThat(fidelity.correlation()).isGreaterThan(0.94);
    }

    @Test
    @DisplayName("MEDIA-02 packets are a fraction of G.711's 160 bytes")
    void bitrate() {
        List<byte[]> packets = OpusLoop.encode(Voice.speech(7, -16, SECONDS));
        double average = packets.stream().mapToInt(p -> p.length).average().orElseThrow();
        assertThat(average).isBetween(20.0, 60.0);
    }

    @Test
    @DisplayName("MEDIA-02 a garbled packet is concealed, not thrown")
    void garbage() {
        OpusStreamDecoder decoder = new Opus().newDecoder();
        short[] out = new short[960];
        Random random = new Random(3);
        for (int i = 0; i < 200; i++) {
            byte[] junk = new byte[1 + random.nextInt(80)];
            random.nextBytes(junk);
            assertThat(decoder.decode(junk, 0, junk.length, out, 0)).isBetween(0, 960);
        }
    }

    private static Fidelity roundTrip(short[] source) {
        short[] decoded = OpusLoop.decode(OpusLoop.encode(source));
        Fidelity fidelity = Fidelity.of(source, decoded, 400, 800);
        System.out.println(Thread.currentThread().getStackTrace()[2].getMethodName() + ": " + fidelity);
        return fidelity;
    }
}
