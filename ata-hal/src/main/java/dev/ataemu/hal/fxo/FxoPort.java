package dev.ataemu.hal.fxo;

import dev.ataemu.hal.fxs.Telephone;
import dev.ataemu.hal.line.CallerIdWatcher;
import dev.ataemu.hal.line.DisplayedCallerId;
import dev.ataemu.hal.line.VoiceWithKeys;
import dev.ataemu.hal.port.HookState;
import dev.ataemu.media.audio.AudioSource;
import dev.ataemu.media.dtmf.DtmfSender;
import dev.ataemu.time.Scheduler;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The device side of the HT813's FXO port: toward the PSTN line it behaves as a telephone does
 * (it seizes the line, dials DTMF, listens for rings and caller ID), and it tells the firmware
 * when the far end has gone (current disconnect, polarity reversal, disconnect tone).
 */
public final class FxoPort implements Telephone {

    private final int index;
    private final Scheduler scheduler;
    private final FxoEvents events;
    private final CallerIdWatcher callerId;
    private final VoiceWithKeys outgoing = new VoiceWithKeys();

    private FxoSettings settings = FxoSettings.DEFAULTS;
    private Jack jack = state -> { };
    private HookState hook = HookState.ON_HOOK;
    private Consumer<short[]> downstream = frame -> { };
    private DisconnectToneDetector disconnectTone;
    private boolean lineRinging;
    private int rings;
    private Scheduler.Timer ringTimeout;
    private Scheduler.Timer currentLoss;
    private boolean polarityReversed;
    private boolean lineConnected;

    public FxoPort(int index, Scheduler scheduler, FxoEvents events) {
        this.index = index;
        this.scheduler = scheduler;
        this.events = Objects.requireNonNull(events);
        this.callerId = new CallerIdWatcher(key -> { }, new CallerIdWatcher.Listener() {
            @Override
            public void callerId(DisplayedCallerId shown) {
                events.callerId(shown.callerId());
            }
        });
    }

    public int index() {
        return index;
    }

    public void settings(FxoSettings newSettings) {
        settings = Objects.requireNonNull(newSettings);
        disconnectTone = newSettings.disconnectTone().map(DisconnectToneDetector::new).orElse(null);
    }

    /** Whether a PSTN line is plugged in (the status page says "Not Connected" otherwise). */
    public boolean lineConnected() {
        return lineConnected;
    }

    /** Seized (off hook toward the line) or released. */
    public HookState hookState() {
        return hook;
    }

    public int rings() {
        return rings;
    }

    public void seize() {
        setHook(HookState.OFF_HOOK);
    }

    public void release() {
        setHook(HookState.ON_HOOK);
        outgoing.clearKeys();
    }

    /** Dials digits into the line as DTMF, with the digit length and pause of P3300 / P3302. */
    public void dial(String digits) {
        outgoing.press(new DtmfSender(digits, settings.dtmfOnMs(), settings.dtmfPauseMs()));
    }

    public boolean dialingDone() {
        return !outgoing.pressing();
    }

    /** What the port sends into the line besides its own dialing (a bridged call's audio). */
    public void play(AudioSource newSource) {
        outgoing.voice(Objects.requireNonNull(newSource));
    }

    /** Where the line's audio goes (a bridged call). */
    public void downstream(Consumer<short[]> sink) {
        downstream = Objects.requireNonNull(sink);
    }

    // --- the line side: the PSTN line card drives these ----------------------------------------

    @Override
    public void plugInto(Jack newJack) {
        jack = Objects.requireNonNull(newJack);
        lineConnected = true;
        jack.hook(hook);
    }

    /** The PSTN line was pulled out of the FXO jack. */
    public void unplugged() {
        lineConnected = false;
        jack = state -> { };
    }

    @Override
    public void lineAudio(short[] frame) {
        if (hook == HookState.ON_HOOK) {
            callerId.listen(frame, false);
            return;
        }
        if (disconnectTone != null && disconnectTone.heard(frame)) {
            disconnectTone = new DisconnectToneDetector(settings.disconnectTone().orElseThrow());
            events.farEndDisconnected("disconnect tone");
        }
        downstream.accept(frame);
    }

    @Override
    public void mouthpiece(short[] frame) {
        if (hook == HookState.ON_HOOK) {
            java.util.Arrays.fill(frame, (short) 0);
            return;
        }
        outgoing.read(frame);
    }

    @Override
    public void ringing(boolean on) {
        if (on && !lineRinging && hook == HookState.ON_HOOK) {
            rings++;
            if (ringTimeout != null) {
                ringTimeout.cancel();
            }
            events.ring(rings);
        }
        if (!on && lineRinging && hook == HookState.ON_HOOK) {
            ringTimeout = scheduler.schedule(Duration.ofMillis(settings.ringTimeoutMs()), this::ringsEnded);
        }
        lineRinging = on;
    }

    @Override
    public void polarity(boolean reversed) {
        boolean changed = reversed != polarityReversed;
        polarityReversed = reversed;
        if (changed && hook == HookState.OFF_HOOK && settings.polarityReversalDisconnect()) {
            events.farEndDisconnected("polarity reversal");
        }
    }

    @Override
    public void loopCurrent(boolean present) {
        if (present) {
            if (currentLoss != null) {
                currentLoss.cancel();
                currentLoss = null;
            }
            return;
        }
        if (hook == HookState.OFF_HOOK && settings.currentDisconnect() && currentLoss == null) {
            currentLoss = scheduler.schedule(Duration.ofMillis(settings.currentDisconnectMs()), () -> {
                currentLoss = null;
                events.farEndDisconnected("current disconnect");
            });
        }
    }

    private void ringsEnded() {
        ringTimeout = null;
        rings = 0;
        events.ringingStopped();
    }

    private void setHook(HookState state) {
        if (hook == state) {
            return;
        }
        hook = state;
        if (state == HookState.OFF_HOOK) {
            rings = 0;
            if (ringTimeout != null) {
                ringTimeout.cancel();
                ringTimeout = null;
            }
        }
        jack.hook(state);
    }
}
