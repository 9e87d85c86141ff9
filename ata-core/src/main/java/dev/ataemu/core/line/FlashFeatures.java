package dev.ataemu.core.line;

import dev.ataemu.core.config.ParameterStore;
import dev.ataemu.hal.fxs.FxsPort;
import dev.ataemu.hal.port.HookState;
import dev.ataemu.media.audio.AudioSource;
import dev.ataemu.media.tone.ToneGenerator;
import dev.ataemu.media.tone.ToneSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a hook flash does with a line's calls: hold and swap, answering a waiting call, the 3-way
 * conference, Flash Digit Control, blind and attended transfer with their outcomes; and what becomes
 * of the second call when the phone hangs up (the reminder ring for a call left on hold) or its far
 * end does. The calls themselves are the line's.
 */
final class FlashFeatures {

    // The flash features are the line's own doing: their log keeps the line's name.
    private static final Logger LOG = LoggerFactory.getLogger(FxsLine.class);
    /** How long a transfer's outcome is waited for (CALL-20, PLAT-65's lower end). */
    private static final java.time.Duration TRANSFER_WAIT = java.time.Duration.ofSeconds(30);
    private static final java.time.Duration SHORT_BUSY = java.time.Duration.ofSeconds(2);

    private final FxsLine line;
    private final int index;
    private final ParameterStore store;
    private final LineParameters parameters;
    private final FlashParameters flash;
    private final LineAudio audio;
    private boolean awaitingFlashDigit;
    private dev.ataemu.time.Scheduler.Timer flashDigitTimer;
    /** A blind transfer whose outcome the line waits for. */
    private LineCall transferring = LineCall.NONE;
    private dev.ataemu.time.Scheduler.Timer transferTimer;

    FlashFeatures(FxsLine line, ParameterStore store, LineParameters parameters, LineAudio audio) {
        this.line = line;
        this.index = line.index();
        this.store = store;
        this.parameters = parameters;
        this.flash = FlashParameters.of(index);
        this.audio = audio;
    }

    boolean awaitsFlashDigit() {
        return awaitingFlashDigit;
    }

    /**
     * A hook flash: in a conversation, see {@link #flashInCall}; otherwise what was dialed is left,
     * for the held call or for fresh dial tone.
     */
    void hookFlash() {
        if (awaitingFlashDigit || transferring != LineCall.NONE) {
            return;
        }
        switch (line.state()) {
            case CONNECTED -> flashInCall();
            case DIAL_TONE, DIALING, CALLING, OFF_HOOK_IDLE -> {
                if (line.held != LineCall.NONE) {
                    backToHeld();
                } else {
                    // Not in a conversation, a flash opens a fresh channel: dial tone again (STAR-27).
                    line.hangUp(line.call);
                    line.call = LineCall.NONE;
                    line.freshDialTone();
                }
            }
            default -> LOG.debug("port {}: hook flash in state {}", index, line.state());
        }
    }

    /** Leaves what was dialed after the flash (a ringing call is cancelled) and takes the held call back. */
    private void backToHeld() {
        line.cancelDialTimeout();
        LineCall attempt = line.call;
        line.call = LineCall.NONE;
        line.hangUp(attempt);
        resume(line.takeHeld());
    }

    /**
     * The phone hung up, ending {@code ended} (which it talked in when {@code talking}). A conference
     * ends, or with "Transfer on Conference Hangup" leaves the other two talking; hanging up on the
     * consulted party completes the attended transfer; a call still on hold rings the phone again,
     * and one still waiting rings it now that it is free.
     */
    void phoneHungUp(LineCall ended, boolean talking) {
        if (line.conference) {
            line.conference = false;
            line.consulting = false;
            LineCall other = line.takeHeld();
            if (line.isSet(flash.transferOnConferenceHangup())) {
                // "Transfer on Conference Hangup" (CALL-26): the other two go on talking.
                attendedTransfer(other, ended);
            } else {
                line.hangUp(ended);
                line.hangUp(other);
            }
            return;
        }
        if (line.consulting && talking && line.held != LineCall.NONE) {
            // Hanging up while talking to the consulted party completes the attended transfer (CALL-21).
            line.consulting = false;
            attendedTransfer(line.takeHeld(), ended);
            return;
        }
        line.consulting = false;
        line.hangUp(ended);
        if (transferring != LineCall.NONE) {
            return;
        }
        if (line.held != LineCall.NONE) {
            remind(line.takeHeld());
        } else if (line.waiting != LineCall.NONE) {
            // The call still waiting rings the phone now that it is free.
            LineCall next = line.waiting;
            line.waiting = LineCall.NONE;
            line.ring(line.waitingCaller, next);
        }
    }

    /**
     * Whether {@code self}, whose far end hung up, was the line's second call: a waiting call simply
     * goes; a transferee leaving ends its blind transfer; a held call goes, and a conference with it
     * becomes a call with the one left.
     */
    boolean secondCallHungUp(LineCall self) {
        if (self == line.waiting) {
            line.waiting = LineCall.NONE;
            return true;
        }
        if (self == transferring) {
            // Some transferees leave as soon as their new call is up, before the last NOTIFY.
            blindOutcome(self, 200);
            return true;
        }
        if (self == line.held) {
            line.held = LineCall.NONE;
            line.consulting = false;
            if (line.conference) {
                line.conference = false;
                audio.talkTo(line.call);
            }
            line.reportChange();
            return true;
        }
        return false;
    }

    /** In a conference, the far end of the line's current call hung up: the phone goes on with the held one. */
    void conferencePartyHungUp() {
        line.conference = false;
        line.consulting = false;
        line.call = line.takeHeld();
        audio.talkTo(line.call);
        line.reportChange();
    }

    /**
     * A call left on hold when the phone hung up: the phone rings to remind of it, and answering
     * takes it back (CALL-22); with "Disable Reminder Ring for On-Hold Call" (P4360) it is ended.
     */
    private void remind(LineCall onHold) {
        FxsPort port = line.port();
        if (line.isSet(flash.disableReminderRing()) || line.state() != LineState.IDLE
                || port.hookState() == HookState.OFF_HOOK) {
            line.hangUp(onHold);
            return;
        }
        LOG.info("port {}: a call is on hold; ringing to remind", index);
        line.call = onHold;
        line.reminding = true;
        port.ring(ToneSpec.parse(store.get(LineParameters.SYSTEM_RING_CADENCE)).cadence(),
                line.callerIdSignals().onHook(dev.ataemu.hal.line.CallerIds.of("", "",
                        java.time.LocalDateTime.now(line.wallClock()))));
        line.enter(LineState.RINGING);
    }

    /**
     * A flash in a call: passed to the far end when P74 says so; else it drops the third party of
     * a conference (CALL-25), waits for a Flash Digit Control key (CALL-27), answers a waiting call
     * (CALL-15), joins the consulted party into a conference (CALL-24) or swaps to the held call,
     * or holds the call for a new one (CALL-14).
     */
    private void flashInCall() {
        if (line.call.passesFlash()) {
            line.call.flash(line);
            return;
        }
        if (line.conference) {
            dropConsulted();
        } else if (line.isSet(flash.flashDigitControl())
                && (line.held != LineCall.NONE || line.waiting != LineCall.NONE)) {
            awaitingFlashDigit = true;
            flashDigitTimer = line.port().scheduler().schedule(java.time.Duration.ofSeconds(
                    store.getIntOr(parameters.noKeyEntryTimeout(), 4)), this::cancelFlashDigit);
        } else if (line.waiting != LineCall.NONE) {
            answerWaiting();
        } else if (line.held != LineCall.NONE) {
            if (line.consulting && !line.isSet(flash.disableConference())) {
                startConference();
            } else {
                swap();
            }
        } else {
            LOG.info("port {}: call on hold", index);
            line.call.hold(line, true);
            line.held = line.call;
            line.call = LineCall.NONE;
            line.consulting = true;
            line.freshDialTone();
        }
    }

    /** Flash Digit Control (CALL-27): 1 ends this call for the held one, 2 swaps, 3 conferences, 4 transfers. */
    void flashDigit(char key) {
        cancelFlashDigit();
        switch (key) {
            case '1' -> {
                if (line.held != LineCall.NONE) {
                    LineCall ended = line.call;
                    line.call = LineCall.NONE;
                    line.hangUp(ended);
                    resume(line.takeHeld());
                } else if (line.waiting != LineCall.NONE) {
                    LineCall ended = line.call;
                    line.call = LineCall.NONE;
                    line.hangUp(ended);
                    LineCall next = line.waiting;
                    line.waiting = LineCall.NONE;
                    line.call = next;
                    next.answered(line);
                }
            }
            case '2' -> {
                if (line.waiting != LineCall.NONE) {
                    answerWaiting();
                } else if (line.held != LineCall.NONE) {
                    swap();
                }
            }
            case '3' -> {
                if (line.held != LineCall.NONE) {
                    startConference();
                }
            }
            case '4' -> {
                if (line.held != LineCall.NONE) {
                    LineCall consulted = line.call;
                    line.call = LineCall.NONE;
                    line.consulting = false;
                    audio.disconnect();
                    line.port().play(AudioSource.SILENCE);
                    line.enter(LineState.CALLING);
                    attendedTransfer(line.takeHeld(), consulted);
                }
            }
            default -> LOG.info("port {}: no flash digit function for '{}'", index, key);
        }
    }

    void cancelFlashDigit() {
        awaitingFlashDigit = false;
        if (flashDigitTimer != null) {
            flashDigitTimer.cancel();
            flashDigitTimer = null;
        }
    }

    /** Holds the call and answers the one waiting (CALL-15). */
    private void answerWaiting() {
        LineCall answering = line.waiting;
        line.waiting = LineCall.NONE;
        line.call.hold(line, true);
        line.held = line.call;
        line.consulting = false;
        line.call = answering;
        LOG.info("port {}: first call on hold, answering the waiting one", index);
        answering.answered(line);
        line.reportChange();
    }

    /** The held call and the one talked in change places. */
    private void swap() {
        LineCall other = line.held;
        line.call.hold(line, true);
        line.held = line.call;
        line.call = other;
        other.hold(line, false);
        audio.talkTo(other);
        line.reportChange();
    }

    private void startConference() {
        LOG.info("port {}: 3-way conference", index);
        line.held.hold(line, false);
        line.conference = true;
        audio.conference(line.held, line.call);
        line.reportChange();
    }

    /** A flash in the conference drops the party added last; the first stays (CALL-25). */
    private void dropConsulted() {
        LineCall dropped = line.consulted == line.held ? line.held : line.call;
        LineCall kept = dropped == line.call ? line.held : line.call;
        line.conference = false;
        line.consulting = false;
        line.held = LineCall.NONE;
        line.call = kept;
        line.hangUp(dropped);
        audio.talkTo(line.call);
        line.reportChange();
    }

    private void resume(LineCall onHold) {
        line.consulting = false;
        line.call = onHold;
        onHold.hold(line, false);
        line.port().play(AudioSource.SILENCE);
        line.enter(LineState.CONNECTED);
        audio.talkTo(onHold);
    }

    /**
     * The transfer of {@code transferee} to {@code consulted} (REFER with Replaces). Done, both
     * calls end; failed, the consulted one ends and the phone rings to bring back the transferee
     * (CALL-22). "Hold Target Before Refer" (P26003) holds the consulted party first.
     */
    private void attendedTransfer(LineCall transferee, LineCall consulted) {
        LOG.info("port {}: attended transfer", index);
        if (line.isSet(flash.holdTargetBeforeRefer())) {
            consulted.hold(line, true);
        }
        boolean[] done = {false};
        java.util.function.IntConsumer outcome = status -> {
            if (done[0] || (status > 0 && status < 200)) {
                return;
            }
            done[0] = true;
            if (status >= 200 && status < 300) {
                LOG.info("port {}: attended transfer done", index);
                line.hangUp(transferee);
                line.hangUp(consulted);
                if (line.state() == LineState.CALLING) {
                    transferConfirmed();
                }
            } else {
                LOG.info("port {}: attended transfer failed ({})", index, status);
                line.hangUp(consulted);
                if (line.state() == LineState.CALLING) {
                    resumeAfterBusy(transferee);
                } else {
                    remind(transferee);
                }
            }
        };
        line.port().scheduler().schedule(TRANSFER_WAIT, () -> outcome.accept(0));
        transferee.transfer(line, consulted, outcome::accept);
    }

    /** The blind transfer of the held call to {@code number} (CALL-17); the phone waits for how it went. */
    void blindTransfer(String number) {
        LineCall transferee = line.held;
        LOG.info("port {}: blind transfer to {}", index, number);
        transferring = transferee;
        line.port().holdKeys(true);
        line.port().play(AudioSource.SILENCE);
        line.enter(LineState.CALLING);
        transferTimer = line.port().scheduler().schedule(TRANSFER_WAIT, () -> blindOutcome(transferee, 0));
        transferee.transfer(line, number, status -> blindOutcome(transferee, status));
    }

    /**
     * How a blind transfer went: 2xx, the confirmation tone then dial tone (CALL-18); a failure, a
     * short busy tone and the call back (CALL-19); no answer in time (0), a steady busy tone and the
     * call let go (CALL-20). On hook, a failure rings the phone to remind of the call instead.
     */
    private void blindOutcome(LineCall transferee, int status) {
        if (transferring != transferee || (status > 0 && status < 200)) {
            return;
        }
        transferring = LineCall.NONE;
        if (transferTimer != null) {
            transferTimer.cancel();
            transferTimer = null;
        }
        boolean waitingHere = line.state() == LineState.CALLING && line.call == LineCall.NONE;
        if (status >= 200 && status < 300) {
            LOG.info("port {}: blind transfer done", index);
            line.held = line.held == transferee ? LineCall.NONE : line.held;
            line.hangUp(transferee);
            if (waitingHere) {
                transferConfirmed();
            }
        } else if (status == 0) {
            LOG.info("port {}: no outcome of the blind transfer in time", index);
            line.held = line.held == transferee ? LineCall.NONE : line.held;
            line.hangUp(transferee);
            if (waitingHere) {
                line.port().play(new ToneGenerator(ToneSpec.parse(store.get(LineParameters.BUSY_TONE))));
                line.enter(LineState.OFF_HOOK_IDLE);
            }
        } else {
            LOG.info("port {}: blind transfer failed ({})", index, status);
            line.held = line.held == transferee ? LineCall.NONE : line.held;
            if (waitingHere) {
                resumeAfterBusy(transferee);
            } else {
                remind(transferee);
            }
        }
    }

    /** The transfer worked: the confirmation tone, then dial tone for a new call. */
    private void transferConfirmed() {
        line.freshDialTone();
        line.port().play(line.confirmationThenDialTone());
    }

    /** A short busy tone, then the phone talks to {@code transferee} again. */
    private void resumeAfterBusy(LineCall transferee) {
        line.held = transferee;
        line.port().play(new ToneGenerator(ToneSpec.parse(store.get(LineParameters.BUSY_TONE))));
        line.enter(LineState.OFF_HOOK_IDLE);
        line.port().scheduler().schedule(SHORT_BUSY, () -> {
            if (line.held == transferee && line.state() == LineState.OFF_HOOK_IDLE) {
                resume(line.takeHeld());
            }
        });
    }
}
