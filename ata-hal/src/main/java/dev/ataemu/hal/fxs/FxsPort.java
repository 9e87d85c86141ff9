package dev.ataemu.hal.fxs;

import dev.ataemu.hal.line.FrameClock;
import dev.ataemu.hal.port.HookState;
import dev.ataemu.media.audio.Audio;
import dev.ataemu.media.audio.AudioSource;
import dev.ataemu.media.dtmf.DtmfDetector;
import dev.ataemu.media.tone.ToneSpec;
import dev.ataemu.time.Scheduler;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The device side of one FXS port: it feeds a telephone, rings it, sends it audio and caller ID,
 * and reads its hook switch and its keys (DTMF in the audio, or dial pulses). The firmware drives it
 * and hears from it through {@link FxsEvents}; what is plugged in is a {@link Telephone}.
 * Everything runs on the device's scheduler.
 */
public final class FxsPort {

    private final int index;
    private final Scheduler scheduler;
    private final FrameClock frames;
    private final HookSwitch hookSwitch;
    private final Ringer ringer;
    private final LineSignals signals;
    private final DtmfDetector keys;
    private final short[] down = Audio.newFrame();
    private final short[] up = Audio.newFrame();

    private FxsSettings settings = FxsSettings.DEFAULTS;
    private Telephone telephone = UnpluggedTelephone.INSTANCE;
    private AudioSource source = AudioSource.SILENCE;
    private Consumer<short[]> upstream = frame -> { };
    private boolean polarityReversed;
    private boolean keysHeld;
    private boolean keyTonesSilenced;
    private final dev.ataemu.media.dsp.EchoCanceller echoCanceller = new dev.ataemu.media.dsp.EchoCanceller();
    private boolean cancellingEcho = true;

    public FxsPort(int index, Scheduler scheduler, FxsEvents events) {
        this.index = index;
        this.scheduler = scheduler;
        Objects.requireNonNull(events);
        FxsEvents watched = new FxsEvents() {
            @Override
            public void offHook() {
                updateClock();
                events.offHook();
            }

            @Override
            public void onHook() {
                updateClock();
                events.onHook();
            }

            @Override
            public void hookFlash() {
                events.hookFlash();
            }

            @Override
            public void digit(char key) {
                events.digit(key);
            }
        };
        this.hookSwitch = new HookSwitch(scheduler, watched);
        this.ringer = new Ringer(scheduler, on -> telephone.ringing(on));
        this.signals = new LineSignals(this);
        this.keys = new DtmfDetector(digit -> {
            if (!signals.claimKey(digit.symbol()) && !keysHeld) {
                watched.digit(digit.symbol());
            }
        });
        this.frames = new FrameClock(scheduler, this::tick);
    }

    public int index() {
        return index;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    public void settings(FxsSettings newSettings) {
        settings = Objects.requireNonNull(newSettings);
        hookSwitch.settings(newSettings);
        cancelEcho(newSettings.echoCanceller());
    }

    /** Turns the line echo canceller on or off (for one call, *03); on again, it learns the echo anew. */
    public void cancelEcho(boolean on) {
        if (on && !cancellingEcho) {
            echoCanceller.reset();
        }
        cancellingEcho = on;
    }

    public boolean cancellingEcho() {
        return cancellingEcho;
    }

    /** Plugs a telephone into the jack, replacing whatever was there. */
    public void plug(Telephone phone) {
        telephone = Objects.requireNonNull(phone);
        phone.plugInto(state -> scheduler.execute(() -> hookSwitch.changed(state)));
        phone.polarity(polarityReversed);
    }

    /** Empties the jack: the loop opens, as when the cord is pulled. */
    public void unplug() {
        telephone.ringing(false);
        telephone = UnpluggedTelephone.INSTANCE;
        hookSwitch.changed(HookState.ON_HOOK);
    }

    public Telephone telephone() {
        return telephone;
    }

    /** The hook state as the firmware sees it (a flash in progress still reads off hook). */
    public HookState hookState() {
        return hookSwitch.reported();
    }

    /** Plays a source toward the telephone from the next frame on, replacing the previous one. */
    public void play(AudioSource newSource) {
        source = Objects.requireNonNull(newSource);
        updateClock();
    }

    public AudioSource playing() {
        return source;
    }

    /** Where the telephone's audio goes after key detection (the call's far end). */
    public void upstream(Consumer<short[]> sink) {
        upstream = Objects.requireNonNull(sink);
    }

    /** While true, keys are heard but not reported (the firmware is not collecting digits). */
    public void holdKeys(boolean hold) {
        keysHeld = hold;
    }

    /**
     * While true, the telephone's key tones do not go upstream: the firmware relays the keys out of
     * band (RFC 2833 or SIP INFO) and the far end must not hear them twice (DTMF-06).
     */
    public void silenceKeyTones(boolean silence) {
        keyTonesSilenced = silence;
    }

    /** Rings the telephone in {@code cadence}; caller ID, when given, goes where its scheme puts it. */
    public void ring(List<ToneSpec.CadenceStep> cadence, LineSignal callerId) {
        signals.cancel();
        if (callerId.beforeFirstRing()) {
            signals.send(callerId, () -> ringer.start(cadence, () -> { }));
        } else {
            ringer.start(cadence, () -> signals.send(callerId, () -> { }));
        }
        updateClock();
    }

    public void stopRinging() {
        ringer.stop();
        signals.cancel();
        updateClock();
    }

    public boolean ringing() {
        return ringer.active();
    }

    public int rings() {
        return ringer.rings();
    }

    /** Sends a signal on the line now (visual message waiting, call-waiting caller ID). */
    public void send(LineSignal signal) {
        signals.send(signal, () -> { });
        updateClock();
    }

    /** Reverses the line polarity, as some PBXs expect at answer and at hang-up (P205). */
    public void reversePolarity(boolean reversed) {
        polarityReversed = reversed;
        telephone.polarity(reversed);
    }

    /** Drops the loop current for a while: the disconnect signal of P892 / P856. */
    public void disconnectLoop(int ms) {
        telephone.loopCurrent(false);
        scheduler.schedule(Duration.ofMillis(ms), () -> telephone.loopCurrent(true));
    }

    void updateClock() {
        boolean busy = hookSwitch.reported() == HookState.OFF_HOOK || ringer.active() || signals.active()
                || source != AudioSource.SILENCE && !source.finished();
        if (busy) {
            frames.start();
        } else {
            frames.stop();
        }
    }

    private void tick() {
        source.read(down);
        signals.overlay(down);
        applyGain(down, settings.rxGainDb());
        telephone.lineAudio(down);

        telephone.mouthpiece(up);
        // The DSP's order: echo cancelled first, so DTMF is detected in what the phone really sent.
        if (cancellingEcho) {
            echoCanceller.cancel(up, down);
        }
        applyGain(up, settings.txGainDb());
        keys.process(up);
        if (keyTonesSilenced && keys.keyInLastFeed()) {
            Arrays.fill(up, (short) 0);
        }
        upstream.accept(up);
        updateClock();
    }

    private static void applyGain(short[] frame, double db) {
        if (db == 0) {
            return;
        }
        double factor = Math.pow(10, db / 20);
        for (int i = 0; i < frame.length; i++) {
            frame[i] = Audio.clip(frame[i] * factor);
        }
    }

    void lineSignalEvent(LineSignal.Event event) {
        switch (event.kind()) {
            case REVERSE_POLARITY -> reversePolarity(!polarityReversed);
            case RING_ON -> telephone.ringing(true);
            case RING_OFF -> telephone.ringing(false);
            default -> { }
        }
    }
}
