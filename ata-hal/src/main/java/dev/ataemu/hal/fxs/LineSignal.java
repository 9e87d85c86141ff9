package dev.ataemu.hal.fxs;

import dev.ataemu.media.audio.Audio;
import dev.ataemu.media.dtmf.DtmfSender;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A signal the port sends on the line outside of a call's audio: on-hook caller ID with its
 * alerting, visual message waiting, the call-waiting alert with its caller ID. It is a timed list of
 * steps; {@code beforeFirstRing} says whether it precedes ringing or follows the first ring.
 */
public record LineSignal(boolean beforeFirstRing, List<Step> steps) {

    public static final LineSignal NONE = new LineSignal(false, List.of());

    public LineSignal {
        steps = List.copyOf(steps);
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /** One step of a signal. */
    public sealed interface Step {
    }

    /** Audio samples sent as they are (FSK bursts, alerting tones, silence). */
    public record Samples(short[] samples) implements Step {
    }

    /** Something the line does besides audio. */
    public record Event(Kind kind) implements Step {
    }

    /** Waits for the telephone to answer with one of the keys (a CPE acknowledgement); stops the signal after the timeout. */
    public record AwaitKey(Set<Character> keys, int timeoutMs) implements Step {
    }

    public enum Kind {
        REVERSE_POLARITY,
        RING_ON,
        RING_OFF
    }

    /** Builds signals step by step. */
    public static final class Builder {
        private final boolean beforeFirstRing;
        private final List<Step> steps = new ArrayList<>();

        public Builder(boolean beforeFirstRing) {
            this.beforeFirstRing = beforeFirstRing;
        }

        public Builder samples(short[] samples) {
            steps.add(new Samples(samples.clone()));
            return this;
        }

        public Builder silence(int ms) {
            steps.add(new Samples(new short[ms * Audio.SAMPLE_RATE / 1000]));
            return this;
        }

        public Builder dtmf(String digits, int onMs, int offMs) {
            DtmfSender sender = new DtmfSender(digits, onMs, offMs);
            List<short[]> frames = new ArrayList<>();
            while (!sender.finished()) {
                short[] frame = Audio.newFrame();
                sender.read(frame);
                frames.add(frame);
            }
            short[] all = new short[frames.size() * Audio.FRAME_SAMPLES];
            for (int i = 0; i < frames.size(); i++) {
                System.arraycopy(frames.get(i), 0, all, i * Audio.FRAME_SAMPLES, Audio.FRAME_SAMPLES);
            }
            return samples(all);
        }

        public Builder event(Kind kind) {
            steps.add(new Event(kind));
            return this;
        }

        public Builder awaitKey(Set<Character> keys, int timeoutMs) {
            steps.add(new AwaitKey(Set.copyOf(keys), timeoutMs));
            return this;
        }

        public LineSignal build() {
            return new LineSignal(beforeFirstRing, steps);
        }
    }
}
