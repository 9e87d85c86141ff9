package dev.ataemu.media.codec.g711;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.media.audio.Audio;
import dev.ataemu.media.codec.Codec;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WaveformSubstitutionTest {

    private static final int FRAME = Audio.FRAME_SAMPLES;

    /** Decodes 20 ms packets, losing the ones {@code lost} picks, concealed or replaced by silence. */
    private static short[] receive(Codec codec, short[] pcm, boolean[] lost, boolean conceal) {
        byte[] payload = CodecSignals.encode(codec, pcm);
        int bytesPerFrame = payload.length / (pcm.length / FRAME);
        Codec.Decoder decoder = codec.newDecoder();
        short[] out = new short[pcm.length];
        for (int f = 0; f < lost.length; f++) {
            if (!lost[f]) {
                decoder.decode(payload, f * bytesPerFrame, bytesPerFrame, out, f * FRAME);
            } else if (conceal) {
                decoder.conceal(out, f * FRAME, FRAME);
            }
        }
        return out;
    }

    private static boolean[] losses(int frames, double rate, long seed) {
        Random random = new Random(seed);
        boolean[] lost = new boolean[frames];
        for (int f = 5; f < frames; f++) {
            lost[f] = random.nextDouble() < rate;
        }
        return lost;
    }

    @DisplayName("MEDIA-21: G.711 Appendix I concealment of 20 % lost 20 ms packets beats silence")
    @Test
    void concealsLostFramesOfAVoicedSignal() {
        for (double hz : new double[] {250, 440}) {
            short[] sine = CodecSignals.sine(hz, -10, 8000 * 4, 8000);
            boolean[] lost = losses(sine.length / FRAME, 0.2, 7);
            for (Codec codec : new Codec[] {new Pcmu(), new Pcma()}) {
                double concealed = CodecSignals.snr(sine, receive(codec, sine, lost, true), 0, 0);
                double silent = CodecSignals.snr(sine, receive(codec, sine, lost, false), 0, 0);
                System.out.printf("PLC %s %.0f Hz sine, 20 %% loss: concealed %.2f dB, silence %.2f dB%n",
                        codec.encodingName(), hz, concealed, silent);
                assertThat(concealed).isGreaterThan(silent + 6);
            }
        }
    }

    @Test
    void findsThePitchPeriodAndFadesLongLossesToSilence() {
        short[] pcm = CodecSignals.sine(100, -10, 800, 8000);
        float[] history = new float[390];
        for (int i = 0; i < history.length; i++) {
            history[i] = pcm[pcm.length - history.length + i];
        }
        assertThat(WaveformSubstitution.pitch(history)).isEqualTo(80);

        WaveformSubstitution plc = new WaveformSubstitution();
        plc.good(pcm, 0, pcm.length);
        short[] out = new short[800];
        plc.conceal(out, 0, 800);
        assertThat(Audio.rms(out, 0, 80)).isGreaterThan(0.9 * Audio.rms(pcm, 0, 800));
        assertThat(Audio.rms(out, 480, 320)).isZero();
    }
}
