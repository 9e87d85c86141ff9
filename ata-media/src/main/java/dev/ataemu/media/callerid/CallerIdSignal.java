package dev.ataemu.media.callerid;

import java.util.Arrays;
import java.util.List;

/**
 * A complete caller-ID transmission on the line, in order, and where it goes relative to ringing.
 * Audio and silences are ready to play; DTMF digits, line reversals and ring pulses are carried out
 * by whoever drives the line.
 */
public record CallerIdSignal(Placement placement, List<Segment> segments) {

    private static final int SAMPLE_RATE = dev.ataemu.media.audio.Audio.SAMPLE_RATE;

    public CallerIdSignal {
        segments = List.copyOf(segments);
    }

    /** How long the whole signal takes, in milliseconds. */
    public int durationMs() {
        return segments.stream().mapToInt(Segment::durationMs).sum();
    }

    /** One step of the signal. */
    public sealed interface Segment permits Audio, Silence, Dtmf, LineReversal, RingPulse {
        int durationMs();
    }

    /** Line audio at 8 kHz: an FSK burst, an alerting tone. */
    public record Audio(short[] samples) implements Segment {

        public Audio {
            samples = samples.clone();
        }

        @Override
        public short[] samples() {
            return samples.clone();
        }

        @Override
        public int durationMs() {
            return samples.length * 1000 / SAMPLE_RATE;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Audio audio && Arrays.equals(audio.samples, samples);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(samples);
        }

        @Override
        public String toString() {
            return "Audio[" + samples.length + " samples]";
        }
    }

    public record Silence(int ms) implements Segment {
        @Override
        public int durationMs() {
            return ms;
        }
    }

    /** DTMF digits, each tone {@code onMs} long followed by {@code offMs} of silence. */
    public record Dtmf(String digits, int onMs, int offMs) implements Segment {
        @Override
        public int durationMs() {
            return digits.length() * (onMs + offMs);
        }
    }

    /** Swap the polarity of the line (tip and ring); takes no time of its own. */
    public record LineReversal() implements Segment {
        @Override
        public int durationMs() {
            return 0;
        }
    }

    /** A short burst of ringing voltage (ETSI RP-AS). */
    public record RingPulse(int ms) implements Segment {
        @Override
        public int durationMs() {
            return ms;
        }
    }

    static int samplesOf(int ms) {
        return ms * SAMPLE_RATE / 1000;
    }
}
