package dev.ataemu.hal.line;

import dev.ataemu.hal.fxs.LineSignal;
import dev.ataemu.media.audio.Audio;
import dev.ataemu.media.callerid.CallWaitingAlert;
import dev.ataemu.media.callerid.CallerId;
import dev.ataemu.media.callerid.CallerIdScheme;
import dev.ataemu.media.callerid.CallerIdSignal;
import dev.ataemu.media.callerid.CallerIdSignals;
import dev.ataemu.media.callerid.DtmfMarkers;
import dev.ataemu.media.callerid.Placement;
import dev.ataemu.media.tone.ToneGenerator;
import dev.ataemu.media.tone.ToneSpec;
import java.util.Set;

/**
 * Caller ID, message waiting and the call-waiting alert as signals an FXS line sends, for one
 * caller-ID scheme (P853/P863) and its DTMF start/stop digits (P4661/P4662: 0 = the scheme's own).
 */
public final class CallerIdLineSignals {

    // The phone acknowledges CAS within 160 ms (GR-30); allow for its DTMF being recognised.
    private static final int ACKNOWLEDGEMENT_WAIT_MS = 500;
    private static final int MAX_TONE_MS = 30_000;

    private final CallerIdScheme scheme;
    private final DtmfMarkers markers;

    public CallerIdLineSignals(int schemeCode, int dtmfStartSetting, int dtmfStopSetting) {
        this.scheme = CallerIdScheme.of(schemeCode);
        this.markers = scheme.dtmfMarkers().overriddenBy(dtmfStartSetting, dtmfStopSetting);
    }

    /** On-hook caller ID for an incoming call, placed before or after the first ring as the scheme says. */
    public LineSignal onHook(CallerId callerId) {
        return convert(CallerIdSignals.callSetup(scheme, callerId, markers));
    }

    /** Visual message waiting on or off, on hook without ringing. */
    public LineSignal messageWaiting(boolean waiting) {
        return convert(CallerIdSignals.messageWaiting(scheme, waiting));
    }

    /** Type II: SAS and CAS, the phone's acknowledgement (DTMF D or A), then the caller ID. */
    public LineSignal callWaiting(CallerId callerId) {
        LineSignal.Builder signal = new LineSignal.Builder(false)
                .samples(CallWaitingAlert.samples())
                .awaitKey(Set.of('D', 'A'), ACKNOWLEDGEMENT_WAIT_MS);
        steps(CallerIdSignals.callWaiting(callerId), signal);
        return signal.build();
    }

    /** A call-progress tone played once through its cadence (the call-waiting beeps without caller ID). */
    public static LineSignal tone(ToneSpec tone) {
        ToneGenerator generator = new ToneGenerator(tone);
        int cycleMs = tone.cadence().stream().mapToInt(step -> step.onMs() + step.offMs()).sum();
        int ms = Math.min(MAX_TONE_MS, cycleMs == 0 ? 1000 : cycleMs);
        short[] samples = new short[ms * Audio.SAMPLE_RATE / 1000];
        short[] frame = Audio.newFrame();
        for (int at = 0; at < samples.length; at += frame.length) {
            generator.read(frame);
            System.arraycopy(frame, 0, samples, at, Math.min(frame.length, samples.length - at));
        }
        return new LineSignal.Builder(false).samples(samples).build();
    }

    private static LineSignal convert(CallerIdSignal signal) {
        LineSignal.Builder line = new LineSignal.Builder(signal.placement() == Placement.BEFORE_FIRST_RING);
        steps(signal, line);
        return line.build();
    }

    private static void steps(CallerIdSignal signal, LineSignal.Builder line) {
        for (CallerIdSignal.Segment segment : signal.segments()) {
            if (segment instanceof CallerIdSignal.Audio audio) {
                line.samples(audio.samples());
            } else if (segment instanceof CallerIdSignal.Silence silence) {
                line.silence(silence.ms());
            } else if (segment instanceof CallerIdSignal.Dtmf dtmf) {
                line.dtmf(dtmf.digits(), dtmf.onMs(), dtmf.offMs());
            } else if (segment instanceof CallerIdSignal.LineReversal) {
                line.event(LineSignal.Kind.REVERSE_POLARITY);
            } else if (segment instanceof CallerIdSignal.RingPulse pulse) {
                line.event(LineSignal.Kind.RING_ON).silence(pulse.ms()).event(LineSignal.Kind.RING_OFF);
            }
        }
    }
}
