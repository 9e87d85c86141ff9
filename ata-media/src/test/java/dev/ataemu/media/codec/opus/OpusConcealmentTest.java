package dev.ataemu.media.codec.opus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.media.audio.Audio;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Lost Opus packets: concealment keeps the sound going, and in-band FEC brings the lost audio back. */
class OpusConcealmentTest {

    private static final int FRAME = Audio.FRAME_SAMPLES;
    /** 5 ms windows: a gap shorter than a frame would still show. */
    private static final int WINDOW = 40;

    @Test
    @DisplayName("MEDIA-21 single lost packets (one in seven) in a held vowel are filled with sound, not silence")
    void concealmentKeepsTheSoundGoing() {
        short[] source = Voice.vowel(0, 130, -16, 2 * Audio.SAMPLE_RATE);
        List<byte[]> packets = new ArrayList<>(OpusLoop.encode(source));
        List<Integer> lost = List.of(15, 20, 27, 33, 40, 47, 55, 60, 68, 75, 80);
        for (int index : lost) {
            packets.set(index, null);
        }
        short[] decoded = OpusLoop.decode(packets);

        double level = Audio.rms(source, FRAME * 10, source.length - FRAME * 20);
        double quietest = Double.MAX_VALUE;
        for (int at = FRAME * 10; at + WINDOW <= FRAME * 90; at += WINDOW) {
            quietest = Math.min(quietest, Audio.rms(decoded, at, WINDOW));
        }
        double worstConcealed = Double.MAX_VALUE;
        for (int index : lost) {
            worstConcealed = Math.min(worstConcealed, Audio.rms(decoded, index * FRAME, FRAME));
        }
        System.out.printf("concealment: quietest 5 ms window %.1f dB, quietest concealed frame %.1f dB, against the vowel%n",
                20 * Math.log10(quietest / level), 20 * Math.log10(worstConcealed / level));
        // Concentus 1.0.2 fades its concealment within the frame (libopus 1.3 holds the level): the
        // frame as a whole keeps sound, the quietest 5 ms of it may not, so only the frame is held.
        assertThat(20 * Math.log10(worstConcealed / level)).isGreaterThan(-15);
    }

    @Test
    @DisplayName("MEDIA-21 in-band FEC in the next packet restores a lost one better than concealment")
    void fecBeatsConcealment() {
        short[] source = Voice.speech(9, -16, 3 * Audio.SAMPLE_RATE);
        List<byte[]> packets = OpusLoop.encode(source);
        short[] clean = OpusLoop.decode(packets);
        int delay = new Opus().newEncoder().lookahead();

        double fecError = 0;
        double plcError = 0;
        double signal = 0;
        for (int lost = 10; lost < packets.size() - 1; lost += 10) {
            short[] fec = decodeLosing(packets, lost, true);
            short[] plc = decodeLosing(packets, lost, false);
            for (int n = lost * FRAME; n < (lost + 1) * FRAME; n++) {
                double reference = source[n - delay];
                signal += reference * reference;
                fecError += (fec[n] - reference) * (fec[n] - reference);
                plcError += (plc[n] - reference) * (plc[n] - reference);
            }
            assertThat(clean.length).isEqualTo(fec.length);
        }
        double fecSnr = 10 * Math.log10(signal / fecError);
        double plcSnr = 10 * Math.log10(signal / plcError);
        System.out.printf("lost frames: SNR %.1f dB from FEC, %.1f dB from concealment%n", fecSnr, plcSnr);
        assertThat(fecSnr).isGreaterThan(plcSnr + 3).isGreaterThan(3);
    }

    /** Decodes from the start, losing packet {@code lost}, filled by FEC from its successor or by PLC. */
    private static short[] decodeLosing(List<byte[]> packets, int lost, boolean fec) {
        OpusStreamDecoder decoder = new Opus().newDecoder();
        short[] out = new short[packets.size() * FRAME];
        for (int i = 0; i < packets.size(); i++) {
            byte[] packet = packets.get(i);
            if (i != lost) {
                decoder.decode(packet, 0, packet.length, out, i * FRAME);
            } else if (fec) {
                byte[] next = packets.get(i + 1);
                decoder.recover(next, 0, next.length, out, i * FRAME, FRAME);
            } else {
                decoder.conceal(out, i * FRAME, FRAME);
            }
        }
        return out;
    }
}
