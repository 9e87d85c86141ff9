package dev.ataemu.media.dtmf;

import dev.ataemu.media.audio.Audio;
import dev.ataemu.media.audio.AudioSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test signals for DTMF and a way to run them through a detector. */
final class DtmfSignals {

    private static final int QUIET_MS = 100;

    private DtmfSignals() {
    }

    /** Two sines of free frequency and level for {@code onMs}, with 100 ms of silence either side. */
    static short[] dualTone(double lowHz, double lowDbm0, double highHz, double highDbm0, int onMs) {
        int quiet = QUIET_MS * 8;
        short[] s = new short[2 * quiet + onMs * 8];
        double lowAmplitude = Audio.sineAmplitude(lowDbm0);
        double highAmplitude = Audio.sineAmplitude(highDbm0);
        for (int n = 0; n < onMs * 8; n++) {
            double t = n / (double) Audio.SAMPLE_RATE;
            s[quiet + n] = Audio.clip(lowAmplitude * Math.sin(2 * Math.PI * lowHz * t)
                    + highAmplitude * Math.sin(2 * Math.PI * highHz * t + 1));
        }
        return s;
    }

    /** What a source plays in {@code ms} milliseconds. */
    static short[] render(AudioSource source, int ms) {
        int frames = ms / Audio.FRAME_MS;
        short[] out = new short[frames * Audio.FRAME_SAMPLES];
        short[] frame = Audio.newFrame();
        for (int f = 0; f < frames; f++) {
            source.read(frame);
            System.arraycopy(frame, 0, out, f * Audio.FRAME_SAMPLES, Audio.FRAME_SAMPLES);
        }
        return out;
    }

    /** The digits a fresh detector reports for the audio, fed as 20 ms frames (the tail padded with silence). */
    static String detect(short[] audio) {
        List<DtmfDigit> digits = new ArrayList<>();
        DtmfDetector detector = new DtmfDetector(digits::add);
        for (int at = 0; at < audio.length; at += Audio.FRAME_SAMPLES) {
            detector.process(Arrays.copyOfRange(audio, at, at + Audio.FRAME_SAMPLES));
        }
        StringBuilder text = new StringBuilder();
        digits.forEach(digit -> text.append(digit.symbol()));
        return text.toString();
    }
}
