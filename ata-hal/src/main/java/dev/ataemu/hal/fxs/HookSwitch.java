package dev.ataemu.hal.fxs;

import dev.ataemu.hal.port.HookState;
import dev.ataemu.time.Scheduler;
import java.time.Duration;

/**
 * Reads the phone's hook switch the way the ATA's line chip does: an on-hook shorter than the
 * flash window is a glitch (or, with pulse dialing on, a dial pulse), one inside the window is a
 * hook flash, and only an on-hook that lasts past the window (and the on-hook timing) is a hang-up.
 */
final class HookSwitch {

    // Rotary dials make 10 pulses a second: a digit ends when the loop stays closed this long.
    private static final int PULSE_DIGIT_GAP_MS = 250;

    private final Scheduler scheduler;
    private final FxsEvents events;
    private FxsSettings settings = FxsSettings.DEFAULTS;

    private HookState reported = HookState.ON_HOOK;
    private HookState physical = HookState.ON_HOOK;
    private long wentOnHookAt;
    private Scheduler.Timer hangUpTimer;
    private Scheduler.Timer pulseDigitTimer;
    private int pulses;

    HookSwitch(Scheduler scheduler, FxsEvents events) {
        this.scheduler = scheduler;
        this.events = events;
    }

    void settings(FxsSettings newSettings) {
        settings = newSettings;
    }

    /** The hook state the firmware believes in. */
    HookState reported() {
        return reported;
    }

    void changed(HookState state) {
        if (state == physical) {
            return;
        }
        physical = state;
        if (state == HookState.ON_HOOK) {
            onHook();
        } else {
            offHook();
        }
    }

    private void onHook() {
        if (reported == HookState.ON_HOOK) {
            return;
        }
        wentOnHookAt = scheduler.millis();
        cancelPulseDigit();
        hangUpTimer = scheduler.schedule(Duration.ofMillis(settings.hangUpAfterMs()), this::hungUp);
    }

    private void offHook() {
        if (reported == HookState.ON_HOOK) {
            reported = HookState.OFF_HOOK;
            events.offHook();
            return;
        }
        if (hangUpTimer == null) {
            return;
        }
        hangUpTimer.cancel();
        hangUpTimer = null;
        long onHookMs = scheduler.millis() - wentOnHookAt;
        if (onHookMs >= settings.flashMinMs() && onHookMs <= settings.flashMaxMs()) {
            if (settings.hookFlashEnabled()) {
                events.hookFlash();
            }
        } else if (onHookMs < settings.flashMinMs() && settings.pulseDialing()) {
            pulses++;
            pulseDigitTimer = scheduler.schedule(Duration.ofMillis(PULSE_DIGIT_GAP_MS), this::pulseDigitEnded);
        } else if (onHookMs > settings.flashMaxMs()) {
            events.onHook();
            events.offHook();
        }
    }

    private void hungUp() {
        hangUpTimer = null;
        pulses = 0;
        reported = HookState.ON_HOOK;
        events.onHook();
    }

    private void pulseDigitEnded() {
        pulseDigitTimer = null;
        int count = pulses;
        pulses = 0;
        if (count >= 1 && count <= 10) {
            events.digit(count == 10 ? '0' : (char) ('0' + count));
        }
    }

    private void cancelPulseDigit() {
        if (pulseDigitTimer != null) {
            pulseDigitTimer.cancel();
            pulseDigitTimer = null;
        }
    }
}
