package dev.ataemu.media.codec.ilbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ataemu.media.codec.Codec;
import dev.ataemu.media.codec.CodecRegistry;
import dev.ataemu.media.codec.Fidelity;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IlbcTest {

    private static final int SAMPLES = 8000 * 3;
    /** The enhancer works one block behind: 40 samples in 20 ms mode, 80 in 30 ms mode. */
    private static final int MAX_DELAY = 100;

    @DisplayName("MEDIA-05, MEDIA-14: iLBC/8000 on a dynamic payload type, fmtp mode=20 or mode=30 from P97")
    @Test
    void descriptor() {
        Ilbc twenty = Ilbc.forFrameSizeSetting(0);
        Ilbc thirty = Ilbc.forFrameSizeSetting(1);
        assertThat(twenty.encodingName()).isEqualTo("iLBC");
        assertThat(twenty.clockRate()).isEqualTo(8000);
        assertThat(twenty.channels()).isEqualTo(1);
        assertThat(twenty.staticPayloadType()).isEqualTo(-1);
        assertThat(twenty.fmtp()).isEqualTo("mode=20");
        assertThat(twenty.frameMs()).isEqualTo(20);
        assertThat(thirty.fmtp()).isEqualTo("mode=30");
        assertThat(thirty.frameMs()).isEqualTo(30);
        assertThat(IlbcMode.MS_20.bytes()).isEqualTo(38);
        assertThat(IlbcMode.MS_30.bytes()).isEqualTo(50);
        assertThat(IlbcMode.ofMilliseconds(30)).isEqualTo(IlbcMode.MS_30);
        assertThatThrownBy(() -> Ilbc.forFrameSizeSetting(2)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new CodecRegistry().register(twenty).find("ILBC", 8000)).containsSame(twenty);
    }

    @DisplayName("MEDIA-14: speech-like audio and a 1 kHz sine come back through both modes")
    @ParameterizedTest
    @EnumSource(IlbcMode.class)
    void roundTrip(IlbcMode mode) {
        Ilbc codec = new Ilbc(mode);
        short[] speech = IlbcSignals.speechLike(SAMPLES);
        byte[] bytes = IlbcSignals.encode(codec, speech);
        assertThat(bytes).hasSize(SAMPLES / mode.samples() * mode.bytes());
        Fidelity speechBack = Fidelity.of(speech, IlbcSignals.decode(codec, bytes, mode.bytes()),
                MAX_DELAY, 480);
        short[] sine = IlbcSignals.sine(1000, 8000, SAMPLES);
        Fidelity sineBack = Fidelity.of(sine,
                IlbcSignals.decode(codec, IlbcSignals.encode(codec, sine), mode.bytes()), MAX_DELAY, 480);
        System.out.printf("iLBC %d ms round trip: speech-like %s; 1 kHz sine %s%n", mode.frameMs(), speechBack, sineBack);

        assertThat(speechBack.delay()).isEqualTo(mode == IlbcMode.MS_20 ? 40 : 80);
        assertThat(speechBack.correlation()).isGreaterThan(0.85);
        assertThat(speechBack.segmentalSnrDb()).isGreaterThan(5);
        assertThat(sineBack.correlation()).isGreaterThan(0.9);
    }

    @DisplayName("MEDIA-14: the encoder is deterministic")
    @Test
    void deterministic() {
        Ilbc codec = new Ilbc(IlbcMode.MS_30);
        short[] speech = IlbcSignals.speechLike(4800);
        assertThat(IlbcSignals.encode(codec, speech)).isEqualTo(IlbcSignals.encode(codec, speech));
    }

    @DisplayName("MEDIA-14: with 10 % of the frames lost, the decoder conceals them with signal, not silence")
    @ParameterizedTest
    @EnumSource(IlbcMode.class)
    void packetLoss(IlbcMode mode) {
        Ilbc codec = new Ilbc(mode);
        short[] speech = IlbcSignals.speechLike(SAMPLES);
        byte[] bytes = IlbcSignals.encode(codec, speech);
        int frames = bytes.length / mode.bytes();
        int n = mode.samples();
        Random random = new Random(7);
        boolean[] lost = new boolean[frames];
        for (int lostCount = 0; lostCount < frames / 10; ) {
            int f = 2 + random.nextInt(frames - 3);
            if (!lost[f] && !lost[f - 1]) {
                lost[f] = true;
                lostCount++;
            }
        }
        Codec.Decoder decoder = codec.newDecoder();
        short[] out = new short[frames * n];
        for (int f = 0; f < frames; f++) {
            int written = lost[f] ? decoder.conceal(out, f * n, n) : decoder.decode(bytes, f * mode.bytes(), mode.bytes(), out, f * n);
            assertThat(written).isEqualTo(n);
        }
        short[] clean = IlbcSignals.decode(codec, bytes, mode.bytes());
        double worstConcealed = Double.MAX_VALUE;
        for (int f = 0; f < frames; f++) {
            if (lost[f]) {
                double rms = rms(out, f * n, n);
                worstConcealed = Math.min(worstConcealed, rms / rms(clean, f * n, n));
            }
        }
        Fidelity withLoss = Fidelity.of(speech, out, MAX_DELAY, 480);
        System.out.printf("iLBC %d ms with %d of %d frames lost: %s; quietest concealed frame at %.2f of the clean level%n",
                mode.frameMs(), frames / 10, frames, withLoss, worstConcealed);
        assertThat(worstConcealed).isGreaterThan(0.2);
        assertThat(withLoss.correlation()).isGreaterThan(0.6);
    }

    @DisplayName("MEDIA-14: a payload of the wrong length is concealed as one lost frame, never thrown")
    @ParameterizedTest
    @EnumSource(IlbcMode.class)
    void malformedPayloads(IlbcMode mode) {
        Ilbc codec = new Ilbc(mode);
        byte[] bytes = IlbcSignals.encode(codec, IlbcSignals.speechLike(mode.samples() * 5));
        Codec.Decoder decoder = codec.newDecoder();
        short[] out = new short[mode.samples() * 3];
        for (int f = 0; f < 5; f++) {
            decoder.decode(bytes, f * mode.bytes(), mode.bytes(), out, 0);
        }
        int[] wrongLengths = {0, 1, mode.bytes() - 1, mode.bytes() + 1, 2 * mode.bytes() + 3};
        for (int length : wrongLengths) {
            Arrays.fill(out, (short) 0);
            int written = decoder.decode(new byte[length + 1], 1, length, out, 0);
            assertThat(written).as("samples for %d bytes", length).isEqualTo(mode.samples());
            assertThat(rms(out, 0, written)).as("concealed level for %d bytes", length).isGreaterThan(1);
        }
        // every bit pattern of the right length decodes (an impossible start state is concealed)
        Random random = new Random(3);
        byte[] garbage = new byte[mode.bytes()];
        for (int i = 0; i < 200; i++) {
            random.nextBytes(garbage);
            assertThat(decoder.decode(garbage, 0, garbage.length, out, 0)).isEqualTo(mode.samples());
        }
        byte[] empty = bytes.clone();
        empty[mode.bytes() - 1] |= 1;
        assertThat(decoder.decode(empty, 0, mode.bytes(), out, 0)).isEqualTo(mode.samples());
        // two frames in one payload
        assertThat(decoder.decode(bytes, 0, 2 * mode.bytes(), new short[2 * mode.samples()], 0)).isEqualTo(2 * mode.samples());
    }

    @DisplayName("MEDIA-14: the encoder takes whole frames only")
    @Test
    void partialFrameRefused() {
        Codec.Encoder encoder = new Ilbc(IlbcMode.MS_20).newEncoder();
        assertThatThrownBy(() -> encoder.encode(new short[100], 0, 100, new byte[100], 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(encoder.encode(new short[320], 0, 320, new byte[76], 0)).isEqualTo(76);
    }

    @DisplayName("MEDIA-14: concealing part of a frame writes exactly what was asked")
    @Test
    void partialConcealment() {
        Codec.Decoder decoder = new Ilbc(IlbcMode.MS_30).newDecoder();
        short[] out = new short[400];
        assertThat(decoder.conceal(out, 10, 300)).isEqualTo(300);
    }

    private static double rms(short[] x, int off, int len) {
        double s = 0;
        for (int i = off; i < off + len; i++) {
            s += (double) x[i] * x[i];
        }
        return Math.sqrt(s / len);
    }
}
