package dev.ataemu.hal.sim;

import dev.ataemu.hal.fxs.Telephone;
import dev.ataemu.hal.line.CallerIdWatcher;
import dev.ataemu.hal.line.DisplayedCallerId;
import dev.ataemu.hal.line.VoiceWithKeys;
import dev.ataemu.hal.port.HookState;
import dev.ataemu.media.audio.AudioSource;
import dev.ataemu.media.dtmf.DtmfSender;
import dev.ataemu.time.Scheduler;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A simulated analog telephone: hands that lift it, flash it and press its keys (real DTMF in its
 * audio, or dial pulses), a mouthpiece fed from any audio source, an earpiece that records, a
 * ringer, a caller-ID display that decodes what arrives on the line, and a message-waiting lamp.
 * Its methods may be called from any thread; they act on the device's scheduler.
 */
public final class VirtualHandset implements Telephone {

    /** The key timing a person's finger gives, roughly. */
    public static final int DEFAULT_KEY_ON_MS = 100;
    public static final int DEFAULT_KEY_OFF_MS = 100;
    private static final int PULSE_BREAK_MS = 60;
    private static final int PULSE_MAKE_MS = 40;
    private static final int PULSE_INTERDIGIT_MS = 700;

    private final Scheduler scheduler;
    private final Earpiece earpiece = new Earpiece();
    private final VoiceWithKeys mouthpiece = new VoiceWithKeys();
    private final LineEcho echo = new LineEcho();
    private final CallerIdWatcher display;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private Jack jack = state -> { };
    private volatile HookState hook = HookState.ON_HOOK;
    private volatile boolean ringing;
    private volatile boolean polarityReversed;
    private volatile boolean loopCurrent = true;
    private volatile int ringsHeard;

    public VirtualHandset(Scheduler scheduler) {
        this.scheduler = scheduler;
        this.display = new CallerIdWatcher(this::acknowledge, new CallerIdWatcher.Listener() {
            @Override
            public void callerId(DisplayedCallerId shown) {
                listeners.forEach(l -> l.callerId(shown));
            }

            @Override
            public void messageWaiting(boolean on) {
                listeners.forEach(l -> l.messageWaitingLamp(on));
            }
        });
    }

    // --- the hands ---------------------------------------------------------------------------

    public void offHook() {
        scheduler.execute(() -> setHook(HookState.OFF_HOOK));
    }

    public void onHook() {
        scheduler.execute(() -> setHook(HookState.ON_HOOK));
    }

    /** Presses the cradle for {@code ms} milliseconds (a hook flash when it fits the port's window). */
    public void flash(int ms) {
        scheduler.execute(() -> {
            setHook(HookState.ON_HOOK);
            scheduler.schedule(Duration.ofMillis(ms), () -> setHook(HookState.OFF_HOOK));
        });
    }

    /** Presses keys: each sends its DTMF pair for {@code onMs}, then silence for {@code offMs}. */
    public void press(String keys, int onMs, int offMs) {
        DtmfSender tones = new DtmfSender(keys, onMs, offMs);
        scheduler.execute(() -> mouthpiece.press(tones));
    }

    /** Dials with the hook switch, as a rotary phone does: n breaks for digit n, ten for 0. */
    public void dialPulses(String digits) {
        if (!digits.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("pulse dialing sends digits 0-9 only: " + digits);
        }
        scheduler.execute(() -> {
            long at = 0;
            for (char digit : digits.toCharArray()) {
                int pulses = digit == '0' ? 10 : digit - '0';
                for (int i = 0; i < pulses; i++) {
                    scheduler.schedule(Duration.ofMillis(at), () -> setHook(HookState.ON_HOOK));
                    at += PULSE_BREAK_MS;
                    scheduler.schedule(Duration.ofMillis(at), () -> setHook(HookState.OFF_HOOK));
                    at += PULSE_MAKE_MS;
                }
                at += PULSE_INTERDIGIT_MS;
            }
        });
    }

    /**
     * Makes the phone and its line echo what it hears back into the port, {@code returnLossDb} weaker
     * and {@code delayMs} late, as a poorly matched hybrid does; a return loss of 0 turns it off.
     */
    public void echo(double returnLossDb, int delayMs) {
        echo.set(returnLossDb, delayMs);
    }

    /** What the mouthpiece picks up from now on: silence, a tone, a recording, live audio. */
    public void speak(AudioSource voice) {
        Objects.requireNonNull(voice);
        scheduler.execute(() -> mouthpiece.voice(voice));
    }

    // --- what it shows ------------------------------------------------------------------------

    public HookState hook() {
        return hook;
    }

    /** Ringing voltage on the line at this moment. */
    public boolean ringing() {
        return ringing;
    }

    /** Rings heard since it was last lifted. */
    public int ringsHeard() {
        return ringsHeard;
    }

    public boolean polarityReversed() {
        return polarityReversed;
    }

    public boolean loopCurrent() {
        return loopCurrent;
    }

    public Optional<DisplayedCallerId> callerId() {
        return display.shown();
    }

    public boolean messageWaitingLamp() {
        return display.lamp();
    }

    public Earpiece earpiece() {
        return earpiece;
    }

    public void onChange(Listener listener) {
        listeners.add(listener);
    }

    // --- the line side ------------------------------------------------------------------------

    @Override
    public void plugInto(Jack newJack) {
        jack = Objects.requireNonNull(newJack);
        jack.hook(hook);
    }

    /** The cord is pulled: nothing hears the hook switch any more. */
    public void unplug() {
        jack = state -> { };
        ringing = false;
    }

    @Override
    public void lineAudio(short[] frame) {
        display.listen(frame, hook == HookState.OFF_HOOK);
        if (hook == HookState.OFF_HOOK) {
            earpiece.hear(frame);
            echo.heard(frame);
        }
    }

    @Override
    public void mouthpiece(short[] frame) {
        if (hook == HookState.OFF_HOOK) {
            mouthpiece.read(frame);
            echo.addTo(frame);
        } else {
            java.util.Arrays.fill(frame, (short) 0);
        }
    }

    @Override
    public void ringing(boolean on) {
        if (on && !ringing) {
            ringsHeard++;
        }
        ringing = on;
        listeners.forEach(l -> l.ringing(on));
    }

    @Override
    public void polarity(boolean reversed) {
        polarityReversed = reversed;
    }

    @Override
    public void loopCurrent(boolean present) {
        loopCurrent = present;
    }

    /** The lamp for NEON-type visual message waiting, driven by the line rather than by FSK. */
    public void neonLamp(boolean on) {
        display.lamp(on);
    }

    private void setHook(HookState state) {
        if (hook == state) {
            return;
        }
        hook = state;
        if (state == HookState.OFF_HOOK) {
            ringsHeard = 0;
            ringing = false;
        }
        jack.hook(state);
        listeners.forEach(l -> l.hook(state));
    }

    // A phone with call-waiting caller ID answers the CAS alert with DTMF D.
    private void acknowledge(char key) {
        mouthpiece.press(new DtmfSender(String.valueOf(key), CallerIdWatcher.ACK_MS, 0));
    }

    /** What a watcher (the events socket, a test) hears from the handset. */
    public interface Listener {
        default void hook(HookState state) {
        }

        default void ringing(boolean on) {
        }

        default void callerId(DisplayedCallerId shown) {
        }

        default void messageWaitingLamp(boolean on) {
        }
    }
}
