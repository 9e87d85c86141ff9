package dev.ataemu.media.dsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The line echo canceller against a simulated hybrid echo: a delayed, attenuated copy of what went down. */
class EchoCancellerTest {

    private static final int FRAME = 160;

    /** Far-end speech stand-in: noise, loud enough to train the filter. */
    private static short[] farFrame(Random random) {
        short[] frame = new short[FRAME];
        for (int i = 0; i < FRAME; i++) {
            frame[i] = (short) (random.nextGaussian() * 3000);
        }
        return frame;
    }

    private static double rms(short[] frame) {
        double sum = 0;
        for (short s : frame) {
            sum += (double) s * s;
        }
        return Math.sqrt(sum / frame.length);
    }

    @Test
    @DisplayName("STAR-04 the LEC removes a hybrid echo 14 dB down and 4 ms late by more than 25 dB within a second")
    void cancelsHybridEcho() {
        EchoCanceller lec = new EchoCanceller();
        Random random = new Random(7);
        int delay = 32;
        double gain = Math.pow(10, -14 / 20.0);
        short[] history = new short[FRAME + delay];
        double echoLevel = 0;
        double residual = 0;
        for (int frameNumber = 0; frameNumber < 100; frameNumber++) {
            short[] down = farFrame(random);
            System.arraycopy(history, FRAME, history, 0, delay);
            System.arraycopy(down, 0, history, delay, FRAME);
            short[] up = new short[FRAME];
            for (int i = 0; i < FRAME; i++) {
                up[i] = (short) Math.round(history[i] * gain);
            }
            echoLevel = rms(up);
            lec.cancel(up, down);
            residual = rms(up);
        }
        double erle = 20 * Math.log10(echoLevel / Math.max(1e-9, residual));
        System.out.printf("LEC: echo return loss enhancement %.1f dB after 2 s%n", erle);
        assertThat(erle).isGreaterThan(25);
    }

    @Test
    @DisplayName("STAR-04 near-end speech over the far end passes through the LEC")
    void keepsNearEndSpeech() {
        EchoCanceller lec = new EchoCanceller();
        short[] down = new short[FRAME];
        short[] up = new short[FRAME];
        for (int i = 0; i < FRAME; i++) {
            up[i] = (short) (8000 * Math.sin(2 * Math.PI * 500 * i / 8000.0));
        }
        double before = rms(up);
        lec.cancel(up, down);
        assertThat(rms(up)).isCloseTo(before, org.assertj.core.data.Offset.offset(1.0));
    }
}
