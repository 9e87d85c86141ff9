package dev.ataemu.media.fsk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FskRoundTripTest {

    private static final byte[] MESSAGE = message();

    static Stream<Arguments> lines() {
        List<Arguments> cases = new ArrayList<>();
        for (FskStandard standard : List.of(FskStandard.BELL_202, FskStandard.V23)) {
            for (double level : new double[] {0, -13.5, -30, -40}) {
                for (double offset : new double[] {-0.01, 0, 0.01}) {
                    cases.add(Arguments.of(standard, level, offset, Double.NaN));
                    cases.add(Arguments.of(standard, level, offset, 20.0));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} at {1} dBm0, offset {2}, SNR {3} dB")
    @MethodSource("lines")
    @DisplayName("HW-33 FSK modulator to demodulator: the message comes back exactly")
    void messageSurvivesTheLine(FskStandard standard, double level, double offset, double snrDb) {
        short[] burst = FskModulator.burst(standard.offsetBy(offset), level, 300, 180, MESSAGE);
        short[] line = TestAudio.concat(TestAudio.silence(100), burst, TestAudio.silence(100));
        if (Double.isNaN(snrDb)) {
            assertThat(receive(standard, line)).containsExactly(MESSAGE);
        } else {
            // The noise goes on after the burst; where it is loud enough to pass for a carrier a few
            // noise octets may follow the message, which the message's own length byte leaves out.
            line = TestAudio.withNoise(line, burst, snrDb, 42 + (long) (level * 10));
            assertThat(receive(standard, line)).startsWith(MESSAGE);
        }
    }

    @Test
    @DisplayName("HW-33 type II burst (no seizure, 80 mark bits) is received")
    void shortPreambleIsEnough() {
        short[] burst = FskModulator.burst(FskStandard.BELL_202, -13.5, 0, 80, MESSAGE);

        assertThat(receive(FskStandard.BELL_202, TestAudio.concat(TestAudio.silence(40), burst, TestAudio.silence(20))))
                .containsExactly(MESSAGE);
    }

    @Test
    @DisplayName("HW-33 the channel seizure alone yields no octets")
    void seizureIsNotData() {
        short[] burst = new FskModulator(FskStandard.V23, -13.5).seizure(300).samples();

        assertThat(receive(FskStandard.V23, TestAudio.concat(burst, TestAudio.silence(50)))).isEmpty();
    }

    @Test
    @DisplayName("HW-33 the burst ends with a carrier-lost event")
    void carrierLossIsReported() {
        short[] line = TestAudio.concat(FskModulator.burst(FskStandard.V23, -20, 300, 180, MESSAGE),
                TestAudio.silence(50));
        int[] losses = new int[1];
        FskDemodulator demodulator = new FskDemodulator(FskStandard.V23, new FskDemodulator.Listener() {
            @Override
            public void octet(int value) {
            }

            @Override
            public void carrierLost() {
                losses[0]++;
            }
        });
        demodulator.process(line);

        assertThat(losses[0]).isEqualTo(1);
        assertThat(demodulator.carrierPresent()).isFalse();
    }

    private static byte[] receive(FskStandard standard, short[] line) {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        FskDemodulator demodulator = new FskDemodulator(standard, received::write);
        TestAudio.feed(line, new int[] {160, 37, 1, 500}, (samples, range) ->
                demodulator.process(samples, range[0], range[1]));
        return received.toByteArray();
    }

    private static byte[] message() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int value = 0; value < 256; value += 7) {
            out.write(value);
        }
        out.write(0x00);
        out.write(0xFF);
        out.write(0x80);
        return out.toByteArray();
    }
}
