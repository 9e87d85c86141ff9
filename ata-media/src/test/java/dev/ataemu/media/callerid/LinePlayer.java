package dev.ataemu.media.callerid;

import dev.ataemu.media.audio.Audio;
import dev.ataemu.media.callerid.CallerIdSignal.Segment;
import java.util.ArrayList;
import java.util.List;

/** Plays a caller-ID signal the way a line would carry it, for the receiving side of the tests. */
final class LinePlayer {

    private LinePlayer() {
    }

    /** The line audio: audio segments, silence for silences and pulses, nothing for DTMF (sent as digits). */
    static short[] audio(CallerIdSignal signal) {
        List<short[]> parts = new ArrayList<>();
        for (Segment segment : signal.segments()) {
            if (segment instanceof CallerIdSignal.Audio audio) {
                parts.add(audio.samples());
            } else if (segment instanceof CallerIdSignal.Silence || segment instanceof CallerIdSignal.RingPulse) {
                parts.add(new short[CallerIdSignal.samplesOf(segment.durationMs())]);
            }
        }
        parts.add(new short[CallerIdSignal.samplesOf(200)]);
        int total = parts.stream().mapToInt(part -> part.length).sum();
        short[] line = new short[total];
        int at = 0;
        for (short[] part : parts) {
            System.arraycopy(part, 0, line, at, part.length);
            at += part.length;
        }
        return line;
    }

    /** Feeds the signal to a receiver in 20 ms frames; DTMF digits go to its digit input. */
    static void play(CallerIdSignal signal, CallerIdReceiver receiver) {
        for (Segment segment : signal.segments()) {
            if (segment instanceof CallerIdSignal.Dtmf dtmf) {
                dtmf.digits().chars().forEach(digit -> receiver.dtmfDigit((char) digit));
            } else if (segment instanceof CallerIdSignal.Audio audio) {
                frames(audio.samples(), receiver);
            } else {
                frames(new short[CallerIdSignal.samplesOf(segment.durationMs())], receiver);
            }
        }
        frames(new short[CallerIdSignal.samplesOf(200)], receiver);
    }

    static void frames(short[] samples, CallerIdReceiver receiver) {
        for (int at = 0; at < samples.length; at += Audio.FRAME_SAMPLES) {
            receiver.process(samples, at, Math.min(Audio.FRAME_SAMPLES, samples.length - at));
        }
    }

    /** Records what a receiver reports. */
    static final class Display implements CallerIdReceiver.Listener {
        final List<CallerId> callers = new ArrayList<>();
        final List<Boolean> lamps = new ArrayList<>();
        final List<String> rejected = new ArrayList<>();

        @Override
        public void callerId(CallerId callerId) {
            callers.add(callerId);
        }

        @Override
        public void messageWaiting(boolean waiting) {
            lamps.add(waiting);
        }

        @Override
        public void rejected(String reason) {
            rejected.add(reason);
        }
    }
}
