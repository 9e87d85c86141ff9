package dev.ataemu.media.codec.cn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.media.audio.Audio;
import dev.ataemu.media.codec.Codec;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ComfortNoiseTest {

    private static final ComfortNoise CN = new ComfortNoise();

    @Test
    @DisplayName("MEDIA-15 CN is static payload type 13, CN/8000")
    void descriptor() {
        assertThat(CN.staticPayloadType()).isEqualTo(13);
        assertThat(CN.encodingName()).isEqualTo("CN");
        assertThat(CN.clockRate()).isEqualTo(8000);
        assertThat(CN.fmtp()).isEmpty();
    }

    @Test
    @DisplayName("MEDIA-15 MEDIA-21 the noise level survives encode and decode within 1 dB, from -30 to -70 dBm0")
    void levelRoundTrip() {
        for (double dbm0 = -30; dbm0 >= -70; dbm0 -= 5) {
            short[] silence = noise(dbm0, new Random((long) dbm0));
            byte[] payload = new byte[1];
            assertThat(CN.newEncoder().encode(silence, 0, silence.length, payload, 0)).isEqualTo(1);

            assertThat(level(CN.newDecoder(), payload)).as("%s dBm0", dbm0).isCloseTo(dbm0, Offset.offset(1.0));
        }
    }

    @Test
    @DisplayName("MEDIA-15 a payload with reflection coefficients plays shaped noise at the stated level")
    void shapedNoise() {
        // Level 60 -dBov (-53.85 dBm0), then two coefficients leaning the spectrum one way and the other.
        byte[] low = {60, (byte) 20, (byte) 127};
        byte[] high = {60, (byte) 235, (byte) 127};
        double expected = -60 + 3.01 + Audio.FULL_SCALE_SINE_DBM0;

        assertThat(level(CN.newDecoder(), low)).isCloseTo(expected, Offset.offset(1.0));
        assertThat(level(CN.newDecoder(), high)).isCloseTo(expected, Offset.offset(1.0));
        assertThat(lagOneCorrelation(play(CN.newDecoder(), low))).isPositive();
        assertThat(lagOneCorrelation(play(CN.newDecoder(), high))).isNegative();
    }

    @Test
    @DisplayName("MEDIA-15 digital silence is sent as the quietest level, 127")
    void digitalSilence() {
        byte[] payload = new byte[1];
        CN.newEncoder().encode(new short[160], 0, 160, payload, 0);
        assertThat(payload[0]).isEqualTo((byte) 127);
    }

    private static double level(Codec.Decoder decoder, byte[] payload) {
        short[] out = play(decoder, payload);
        return Audio.dbm0OfRms(Audio.rms(out, 0, out.length));
    }

    /** One payload then a second of concealment, as when CN packets stop between updates. */
    private static short[] play(Codec.Decoder decoder, byte[] payload) {
        short[] out = new short[Audio.SAMPLE_RATE];
        int at = decoder.decode(payload, 0, payload.length, out, 0);
        while (at < out.length) {
            at += decoder.conceal(out, at, Audio.FRAME_SAMPLES);
        }
        return out;
    }

    private static double lagOneCorrelation(short[] x) {
        double r0 = 0;
        double r1 = 0;
        for (int n = 1; n < x.length; n++) {
            r0 += (double) x[n] * x[n];
            r1 += (double) x[n] * x[n - 1];
        }
        return r1 / r0;
    }

    static short[] noise(double dbm0, Random random) {
        double rms = Audio.sineAmplitude(dbm0) / Math.sqrt(2);
        short[] out = new short[2 * Audio.SAMPLE_RATE];
        for (int n = 0; n < out.length; n++) {
            out[n] = Audio.clip(rms * random.nextGaussian());
        }
        return out;
    }
}
