package dev.ataemu.core.line;

import dev.ataemu.core.config.ParameterStore;
import dev.ataemu.core.dialplan.DialPlan;
import dev.ataemu.core.feature.CallCodec;
import dev.ataemu.core.feature.DirectIpAddress;
import dev.ataemu.core.feature.FeatureParameters;
import dev.ataemu.core.feature.PerCallFeatures;
import dev.ataemu.core.feature.StarCode;
import dev.ataemu.media.audio.ThenSource;
import dev.ataemu.hal.fxs.FxsEvents;
import dev.ataemu.hal.fxs.FxsPort;
import dev.ataemu.hal.line.CallerIdLineSignals;
import dev.ataemu.hal.port.HookState;
import dev.ataemu.media.audio.AudioSource;
import dev.ataemu.media.callerid.CallerId;
import dev.ataemu.media.tone.StutterDialTone;
import dev.ataemu.media.tone.ToneGenerator;
import dev.ataemu.media.tone.ToneSpec;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The firmware's handling of one FXS line: dial tone when the phone is lifted, the keys it
 * dials, ringing with caller ID, the call-waiting alert, message waiting, and the hook-flash
 * features: hold, call waiting, blind and attended transfer, the 3-way conference. The line has
 * at most two calls: the one the phone talks in and one on hold (or waiting to be answered).
 * Runs on the device's scheduler.
 */
public final class FxsLine implements FxsEvents {

    private static final Logger LOG = LoggerFactory.getLogger(FxsLine.class);
    // 15 interruptions of 100 ms on / 100 ms off: three seconds of stutter, then steady dial tone (GAP-52).
    private static final int STUTTER_INTERRUPTIONS = 15;

    private final int index;
    private final LineParameters parameters;
    private final ParameterStore store;
    private final Consumer<FxsLine> changed;
    private FxsPort port;
    private LineState state = LineState.IDLE;
    private final StringBuilder dialed = new StringBuilder();
    private PerCallFeatures perCall = PerCallFeatures.NONE;
    /** The forward code whose number is being dialed, if any. */
    private StarCode collecting;
    /** The last number this line placed (redial) and the last caller's number (call return); "" for none. */
    private String lastDialed = "";
    private String lastCaller = "";
    // Three beeps of the factory confirmation tone (100 ms on, 100 ms off).
    private static final int CONFIRMATION_MS = 600;
    private static final int DISABLE_DIRECT_IP_CALL = 277;
    private static final int PSTN_ACCESS_CODE = 195;
    private boolean messageWaiting;
    private LineCall call = LineCall.NONE;
    private LineCall early = LineCall.NONE;
    private boolean earlyPlacing;
    private LineCall waiting = LineCall.NONE;
    private CallerId waitingCaller;
    /** The call on hold while the phone dials, or talks in {@link #call}. */
    private LineCall held = LineCall.NONE;
    /** Whether {@link #call} was dialed while {@link #held} waits: hanging up transfers, a flash conferences. */
    private boolean consulting;
    /** The call dialed while another was held: the one a flash drops from the conference. */
    private LineCall consulted = LineCall.NONE;
    private boolean conference;
    /** Whether the phone rings to remind of a call left on hold (answering takes it back). */
    private boolean reminding;
    private boolean awaitingFlashDigit;
    private dev.ataemu.time.Scheduler.Timer flashDigitTimer;
    /** A blind transfer whose outcome the line waits for. */
    private LineCall transferring = LineCall.NONE;
    private dev.ataemu.time.Scheduler.Timer transferTimer;
    private final FlashParameters flash;
    private final LineAudio audio = new LineAudio();
    private final MediaChannels channels = new MediaChannels();
    private Dialer dialer = (digits, line) -> {
        line.callFailed(480);
        return LineCall.NONE;
    };
    private dev.ataemu.time.Scheduler.Timer dialTimeout;

    /** Places the calls this line dials; the line hears back through its call methods. */
    public interface Dialer {
        LineCall place(String digits, FxsLine line);

        /** A direct IP call (*47): straight to {@code host:port}, without the account's server. */
        default LineCall placeDirect(String host, int port, FxsLine line) {
            line.callFailed(480);
            return LineCall.NONE;
        }

        /**
         * The HT813's PSTN line, bridged to this line, {@code number} dialed into it when given;
         * {@link LineCall#NONE} (after telling the line why) when there is none or it is busy.
         */
        default LineCall placePstn(String number, FxsLine line) {
            line.callFailed(480);
            return LineCall.NONE;
        }
    }

    public FxsLine(int index, ParameterStore store, Consumer<FxsLine> changed) {
        this.index = index;
        this.parameters = LineParameters.of(index);
        this.flash = FlashParameters.of(index);
        this.store = store;
        this.changed = changed;
    }

    public void dialer(Dialer newDialer) {
        dialer = java.util.Objects.requireNonNull(newDialer);
    }

    /** Connects the line to its port; the port must send its events here. */
    public void attach(FxsPort fxsPort) {
        port = fxsPort;
        audio.attach(fxsPort);
        applySettings();
        port.holdKeys(true);
    }

    /** Takes up the port's P-values again, after a change. */
    public void applySettings() {
        port.settings(FxsSettingsReader.read(store, parameters));
    }

    public int index() {
        return index;
    }

    public LineState state() {
        return state;
    }

    public HookState hook() {
        return port.hookState();
    }

    public String dialed() {
        return dialed.toString();
    }

    public boolean messageWaiting() {
        return messageWaiting;
    }

    public boolean busy() {
        return port.hookState() == HookState.OFF_HOOK || state == LineState.RINGING;
    }

    /** The port's media channels, which its calls take their RTP ports from. */
    public MediaChannels channels() {
        return channels;
    }

    /** Whether a call waits on hold (for the phone, a transfer or the reminder ring). */
    public boolean hasHeldCall() {
        return held != LineCall.NONE;
    }

    /** Whether the phone is in a 3-way conference. */
    public boolean inConference() {
        return conference;
    }

    @Override
    public void offHook() {
        if (state == LineState.RINGING) {
            port.stopRinging();
            port.holdKeys(true);
            enter(LineState.CONNECTED);
            if (reminding) {
                reminding = false;
                call.hold(this, false);
                audio.talkTo(call);
            } else {
                call.answered(this);
            }
            return;
        }
        freshDialTone();
        autoDial();
    }

    private void freshDialTone() {
        cancelDialTimeout();
        dialed.setLength(0);
        perCall = PerCallFeatures.NONE;
        collecting = null;
        audio.disconnect();
        port.play(dialTone());
        port.holdKeys(false);
        enter(LineState.DIAL_TONE);
    }

    @Override
    public void onHook() {
        cancelDialTimeout();
        cancelFlashDigit();
        LineCall attempt = early;
        early = LineCall.NONE;
        hangUp(attempt);
        LineCall ended = call;
        call = LineCall.NONE;
        boolean talking = state == LineState.CONNECTED;
        port.play(AudioSource.SILENCE);
        disconnectAudio();
        dialed.setLength(0);
        enter(LineState.IDLE);
        if (conference) {
            conference = false;
            consulting = false;
            LineCall other = takeHeld();
            if (isSet(flash.transferOnConferenceHangup())) {
                // "Transfer on Conference Hangup" (CALL-26): the other two go on talking.
                attendedTransfer(other, ended);
            } else {
                hangUp(ended);
                hangUp(other);
            }
            return;
        }
        if (consulting && talking && held != LineCall.NONE) {
            // Hanging up while talking to the consulted party completes the attended transfer (CALL-21).
            consulting = false;
            attendedTransfer(takeHeld(), ended);
            return;
        }
        consulting = false;
        hangUp(ended);
        if (transferring != LineCall.NONE) {
            return;
        }
        if (held != LineCall.NONE) {
            remind(takeHeld());
        } else if (waiting != LineCall.NONE) {
            // The call still waiting rings the phone now that it is free.
            LineCall next = waiting;
            waiting = LineCall.NONE;
            ring(waitingCaller, next);
        }
    }

    /** Lets a call go (BYE or CANCEL) and forgets its audio. */
    private void hangUp(LineCall ended) {
        if (ended != LineCall.NONE) {
            audio.remove(ended);
            ended.hungUp(this);
        }
    }

    private LineCall takeHeld() {
        LineCall taken = held;
        held = LineCall.NONE;
        return taken;
    }

    /**
     * A call left on hold when the phone hung up: the phone rings to remind of it, and answering
     * takes it back (CALL-22); with "Disable Reminder Ring for On-Hold Call" (P4360) it is ended.
     */
    private void remind(LineCall onHold) {
        if (isSet(flash.disableReminderRing()) || state != LineState.IDLE || port.hookState() == HookState.OFF_HOOK) {
            hangUp(onHold);
            return;
        }
        LOG.info("port {}: a call is on hold; ringing to remind", index);
        call = onHold;
        reminding = true;
        port.ring(ToneSpec.parse(store.get(LineParameters.SYSTEM_RING_CADENCE)).cadence(),
                callerIdSignals().onHook(dev.ataemu.hal.line.CallerIds.of("", "",
                        java.time.LocalDateTime.now(port.scheduler().clock()))));
        enter(LineState.RINGING);
    }

    @Override
    public void hookFlash() {
        if (awaitingFlashDigit || transferring != LineCall.NONE) {
            return;
        }
        switch (state) {
            case CONNECTED -> flashInCall();
            case DIAL_TONE, DIALING, CALLING, OFF_HOOK_IDLE -> {
                if (held != LineCall.NONE) {
                    backToHeld();
                } else {
                    // Not in a conversation, a flash opens a fresh channel: dial tone again (STAR-27).
                    hangUp(call);
                    call = LineCall.NONE;
                    freshDialTone();
                }
            }
            default -> LOG.debug("port {}: hook flash in state {}", index, state);
        }
    }

    /**
     * A flash in a call: passed to the far end when P74 says so; else it drops the third party of
     * a conference (CALL-25), waits for a Flash Digit Control key (CALL-27), answers a waiting call
     * (CALL-15), joins the consulted party into a conference (CALL-24) or swaps to the held call,
     * or holds the call for a new one (CALL-14).
     */
    private void flashInCall() {
        if (call.passesFlash()) {
            call.flash(this);
            return;
        }
        if (conference) {
            dropConsulted();
        } else if (isSet(flash.flashDigitControl()) && (held != LineCall.NONE || waiting != LineCall.NONE)) {
            awaitingFlashDigit = true;
            flashDigitTimer = port.scheduler().schedule(java.time.Duration.ofSeconds(
                    store.getIntOr(parameters.noKeyEntryTimeout(), 4)), this::cancelFlashDigit);
        } else if (waiting != LineCall.NONE) {
            answerWaiting();
        } else if (held != LineCall.NONE) {
            if (consulting && !isSet(flash.disableConference())) {
                startConference();
            } else {
                swap();
            }
        } else {
            LOG.info("port {}: call on hold", index);
            call.hold(this, true);
            held = call;
            call = LineCall.NONE;
            consulting = true;
            freshDialTone();
        }
    }

    /** Flash Digit Control (CALL-27): 1 ends this call for the held one, 2 swaps, 3 conferences, 4 transfers. */
    private void flashDigit(char key) {
        cancelFlashDigit();
        switch (key) {
            case '1' -> {
                if (held != LineCall.NONE) {
                    LineCall ended = call;
                    call = LineCall.NONE;
                    hangUp(ended);
                    resume(takeHeld());
                } else if (waiting != LineCall.NONE) {
                    LineCall ended = call;
                    call = LineCall.NONE;
                    hangUp(ended);
                    LineCall next = waiting;
                    waiting = LineCall.NONE;
                    call = next;
                    next.answered(this);
                }
            }
            case '2' -> {
                if (waiting != LineCall.NONE) {
                    answerWaiting();
                } else if (held != LineCall.NONE) {
                    swap();
                }
            }
            case '3' -> {
                if (held != LineCall.NONE) {
                    startConference();
                }
            }
            case '4' -> {
                if (held != LineCall.NONE) {
                    LineCall consulted = call;
                    call = LineCall.NONE;
                    consulting = false;
                    audio.disconnect();
                    port.play(AudioSource.SILENCE);
                    enter(LineState.CALLING);
                    attendedTransfer(takeHeld(), consulted);
                }
            }
            default -> LOG.info("port {}: no flash digit function for '{}'", index, key);
        }
    }

    private void cancelFlashDigit() {
        awaitingFlashDigit = false;
        if (flashDigitTimer != null) {
            flashDigitTimer.cancel();
            flashDigitTimer = null;
        }
    }

    /** Holds the call and answers the one waiting (CALL-15). */
    private void answerWaiting() {
        LineCall answering = waiting;
        waiting = LineCall.NONE;
        call.hold(this, true);
        held = call;
        consulting = false;
        call = answering;
        LOG.info("port {}: first call on hold, answering the waiting one", index);
        answering.answered(this);
        changed.accept(this);
    }

    /** The held call and the one talked in change places. */
    private void swap() {
        LineCall other = held;
        call.hold(this, true);
        held = call;
        call = other;
        other.hold(this, false);
        audio.talkTo(other);
        changed.accept(this);
    }

    private void startConference() {
        LOG.info("port {}: 3-way conference", index);
        held.hold(this, false);
        conference = true;
        audio.conference(held, call);
        changed.accept(this);
    }

    /** A flash in the conference drops the party added last; the first stays (CALL-25). */
    private void dropConsulted() {
        LineCall dropped = consulted == held ? held : call;
        LineCall kept = dropped == call ? held : call;
        conference = false;
        consulting = false;
        held = LineCall.NONE;
        call = kept;
        hangUp(dropped);
        audio.talkTo(call);
        changed.accept(this);
    }

    /** Leaves what was dialed after the flash (a ringing call is cancelled) and takes the held call back. */
    private void backToHeld() {
        cancelDialTimeout();
        LineCall attempt = call;
        call = LineCall.NONE;
        hangUp(attempt);
        resume(takeHeld());
    }

    private void resume(LineCall onHold) {
        consulting = false;
        call = onHold;
        onHold.hold(this, false);
        port.play(AudioSource.SILENCE);
        enter(LineState.CONNECTED);
        audio.talkTo(onHold);
    }

    /**
     * The transfer of {@code transferee} to {@code consulted} (REFER with Replaces). Done, both
     * calls end; failed, the consulted one ends and the phone rings to bring back the transferee
     * (CALL-22). "Hold Target Before Refer" (P26003) holds the consulted party first.
     */
    private void attendedTransfer(LineCall transferee, LineCall consulted) {
        LOG.info("port {}: attended transfer", index);
        if (isSet(flash.holdTargetBeforeRefer())) {
            consulted.hold(this, true);
        }
        boolean[] done = {false};
        java.util.function.IntConsumer outcome = status -> {
            if (done[0] || (status > 0 && status < 200)) {
                return;
            }
            done[0] = true;
            if (status >= 200 && status < 300) {
                LOG.info("port {}: attended transfer done", index);
                hangUp(transferee);
                hangUp(consulted);
                if (state == LineState.CALLING) {
                    transferConfirmed();
                }
            } else {
                LOG.info("port {}: attended transfer failed ({})", index, status);
                hangUp(consulted);
                if (state == LineState.CALLING) {
                    resumeAfterBusy(transferee);
                } else {
                    remind(transferee);
                }
            }
        };
        port.scheduler().schedule(TRANSFER_WAIT, () -> outcome.accept(0));
        transferee.transfer(this, consulted, outcome::accept);
    }

    /** How long a transfer's outcome is waited for (CALL-20, PLAT-65's lower end). */
    private static final java.time.Duration TRANSFER_WAIT = java.time.Duration.ofSeconds(30);
    private static final java.time.Duration SHORT_BUSY = java.time.Duration.ofSeconds(2);

    /** The blind transfer of the held call to {@code number} (CALL-17); the phone waits for how it went. */
    private void blindTransfer(String number) {
        collecting = null;
        cancelDialTimeout();
        LineCall transferee = held;
        LOG.info("port {}: blind transfer to {}", index, number);
        transferring = transferee;
        port.holdKeys(true);
        port.play(AudioSource.SILENCE);
        enter(LineState.CALLING);
        transferTimer = port.scheduler().schedule(TRANSFER_WAIT, () -> blindOutcome(transferee, 0));
        transferee.transfer(this, number, status -> blindOutcome(transferee, status));
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
        boolean waitingHere = state == LineState.CALLING && call == LineCall.NONE;
        if (status >= 200 && status < 300) {
            LOG.info("port {}: blind transfer done", index);
            held = held == transferee ? LineCall.NONE : held;
            hangUp(transferee);
            if (waitingHere) {
                transferConfirmed();
            }
        } else if (status == 0) {
            LOG.info("port {}: no outcome of the blind transfer in time", index);
            held = held == transferee ? LineCall.NONE : held;
            hangUp(transferee);
            if (waitingHere) {
                port.play(new ToneGenerator(ToneSpec.parse(store.get(LineParameters.BUSY_TONE))));
                enter(LineState.OFF_HOOK_IDLE);
            }
        } else {
            LOG.info("port {}: blind transfer failed ({})", index, status);
            held = held == transferee ? LineCall.NONE : held;
            if (waitingHere) {
                resumeAfterBusy(transferee);
            } else {
                remind(transferee);
            }
        }
    }

    /** The transfer worked: the confirmation tone, then dial tone for a new call. */
    private void transferConfirmed() {
        freshDialTone();
        port.play(new ThenSource(new ToneGenerator(ToneSpec.parse(store.get(LineParameters.CONFIRMATION_TONE))),
                CONFIRMATION_MS, dialTone()));
    }

    /** A short busy tone, then the phone talks to {@code transferee} again. */
    private void resumeAfterBusy(LineCall transferee) {
        held = transferee;
        port.play(new ToneGenerator(ToneSpec.parse(store.get(LineParameters.BUSY_TONE))));
        enter(LineState.OFF_HOOK_IDLE);
        port.scheduler().schedule(SHORT_BUSY, () -> {
            if (held == transferee && state == LineState.OFF_HOOK_IDLE) {
                resume(takeHeld());
            }
        });
    }

    @Override
    public void digit(char key) {
        if (awaitingFlashDigit) {
            flashDigit(key);
            return;
        }
        if (state == LineState.CONNECTED) {
            call.key(this, key);
            return;
        }
        if (state == LineState.DIAL_TONE) {
            port.play(AudioSource.SILENCE);
            enter(LineState.DIALING);
        }
        if (state != LineState.DIALING) {
            return;
        }
        boolean dialKey = key == '#' && store.getIntOr(parameters.useHashAsDialKey(), 1) == 1;
        if (dialKey && dialed.length() > 0) {
            dialingEnded();
            return;
        }
        // "#" as the first key redials the last number (STAR-28, GAP-06).
        if (dialKey && collecting == null) {
            callBack(lastDialed, "nothing to redial");
            return;
        }
        dialed.append(key);
        changed.accept(this);
        cancelDialTimeout();
        if (collecting == StarCode.CODEC_THIS_CALL) {
            codecKey();
            return;
        }
        if (collecting != null) {
            awaitNextKey();
            return;
        }
        // "PSTN Access Code" (HT813 P195, *00 from the factory): the phone takes the PSTN line.
        if (dialed.toString().equals(store.getOrEmpty(PSTN_ACCESS_CODE).strip())) {
            takePstn("");
            return;
        }
        // Local feature codes come before the dial plan (DP-19), so that a plan without "*" keeps them.
        if (isSet(parameters.callFeatures()) && dialed.charAt(0) == '*') {
            java.util.Optional<StarCode> code = StarCode.of(dialed.toString(), store.catalog().modelId());
            if (code.isPresent()) {
                starCode(code.get());
                return;
            }
            if (StarCode.startsCode(dialed.toString(), store.catalog().modelId())) {
                awaitNextKey();
                return;
            }
        }
        // The dial plan (DP-18): a number that can only be what it is goes at once; one that no rule
        // allows, or a "^" rule blocks, gets the reorder tone; otherwise the dial key or the timeout ends it.
        DialPlan.Decision decision = dialPlan().decide(dialed.toString());
        switch (decision.outcome()) {
            case SEND_NOW -> placeCall(decision);
            case NO_MATCH, BLOCKED -> refuseNumber(decision);
            default -> {
                if (isSet(parameters.earlyDial()) && !decision.pstn()) {
                    dialEarly();
                }
                awaitNextKey();
            }
        }
    }

    /**
     * "Early Dial" (P29 / P729, CALL-07): each key sends an INVITE with the digits so far, the one
     * before it cancelled. A 484 (Incomplete Address) waits for the next key; ringing or an answer
     * makes that attempt the call; any other failure ends the dialing as a failed call would.
     */
    private void dialEarly() {
        LineCall previous = early;
        early = LineCall.NONE;
        hangUp(previous);
        String number = store.getOrEmpty(parameters.dialPlanPrefix()).strip() + dialed;
        LOG.debug("port {}: early dial {}", index, number);
        earlyPlacing = true;
        LineCall attempt = dialer.place(number, this);
        earlyPlacing = false;
        if (state == LineState.DIALING) {
            early = attempt;
        } else {
            hangUp(attempt);
        }
    }

    /** The early-dial attempt {@code self} got somewhere: it becomes the line's call. */
    private void adoptEarly(LineCall self) {
        if (state == LineState.DIALING && (self == early || earlyPlacing) && self != LineCall.NONE) {
            cancelDialTimeout();
            early = LineCall.NONE;
            call = self;
            lastDialed = store.getOrEmpty(parameters.dialPlanPrefix()).strip() + dialed;
            port.holdKeys(true);
            enter(LineState.CALLING);
        }
    }

    /**
     * "Offhook Auto-Dial" (P71 / P771): the number is called by itself after "Offhook Auto-Dial
     * Delay" (P4045 / P4046) seconds of dial tone, unless a key is pressed first (CALL-06).
     */
    private void autoDial() {
        String number = store.getOrEmpty(parameters.autoDial()).strip();
        if (number.isEmpty()) {
            return;
        }
        int delay = store.getIntOr(parameters.autoDialDelay(), 0);
        Runnable dial = () -> {
            if (state == LineState.DIAL_TONE) {
                LOG.info("port {}: off-hook auto-dial {}", index, number);
                callBack(number, "");
            }
        };
        if (delay == 0) {
            dial.run();
        } else {
            dialTimeout = port.scheduler().schedule(java.time.Duration.ofSeconds(delay), dial);
        }
    }

    private void awaitNextKey() {
        int seconds = store.getIntOr(parameters.noKeyEntryTimeout(), 4);
        dialTimeout = port.scheduler().schedule(java.time.Duration.ofSeconds(seconds), this::dialingEnded);
    }

    /**
     * A lasting code changes the port's setting and is confirmed: the confirmation tone (P4004), then
     * dial tone for the next call (STAR-29). A per-call code is remembered for the number that follows,
     * with no dial tone in between. A forward code waits for its number, ended by the dial key or the
     * no-key-entry timeout.
     */
    private void starCode(StarCode code) {
        dialed.setLength(0);
        switch (code.kind()) {
            case PER_CALL -> {
                perCall = perCall.with(code);
                LOG.info("port {}: {} for this call", index, code);
            }
            case TARGET -> {
                if (code == StarCode.BLIND_TRANSFER && held == LineCall.NONE) {
                    LOG.info("port {}: *87 without a call on hold", index);
                    refuseNumber(new DialPlan.Decision(DialPlan.Outcome.NO_MATCH, "", false));
                    return;
                }
                collecting = code;
                awaitNextKey();
            }
            case LASTING -> store(code, "");
            case ACTION -> callBack(lastCaller, "no caller to call back");
            case CODEC -> {
                collecting = code;
                awaitNextKey();
            }
        }
    }

    /** The keys after *02: once they spell a codec, it is this call's only one, and the number follows. */
    private void codecKey() {
        java.util.Optional<CallCodec> codec = CallCodec.of(dialed.toString());
        if (codec.isPresent() && codec.get().vocoder().isPresent()) {
            perCall = perCall.withVocoder(codec.get().vocoder().get());
            LOG.info("port {}: {} for this call", index, codec.get());
            collecting = null;
            dialed.setLength(0);
            awaitNextKey();
        } else if (codec.isEmpty() && CallCodec.starts(dialed.toString())) {
            awaitNextKey();
        } else {
            LOG.info("port {}: no codec '{}' to force{}", index, dialed, codec.isPresent() ? " (not spoken here)" : "");
            collecting = null;
            refuseNumber(new DialPlan.Decision(DialPlan.Outcome.NO_MATCH, "", false));
        }
    }

    /** Calls {@code number} again as it was placed (redial, call return); reorder when there is none. */
    private void callBack(String number, String none) {
        if (number.isEmpty()) {
            LOG.info("port {}: {}", index, none);
            refuseNumber(new DialPlan.Decision(DialPlan.Outcome.NO_MATCH, "", false));
            return;
        }
        port.holdKeys(true);
        enter(LineState.CALLING);
        dialed.setLength(0);
        dialed.append(number);
        lastDialed = number;
        call = dialer.place(number, this);
    }

    /** Bridges the phone to the PSTN line (dialing {@code number} into it when given); busy tone when it is taken. */
    private void takePstn(String number) {
        cancelDialTimeout();
        dialed.setLength(0);
        dialed.append(number);
        port.holdKeys(true);
        enter(LineState.CALLING);
        call = dialer.placePstn(number, this);
        if (state == LineState.CALLING) {
            LOG.info("port {}: on the PSTN line{}", index, number.isEmpty() ? "" : ", dialing " + number);
            enter(LineState.CONNECTED);
            audio.talkTo(call);
        }
    }

    /** The address keyed after *47, unless "Disable Direct IP Call" (P277) says no or it is no address. */
    private void callDirect(String keys) {
        collecting = null;
        java.util.Optional<DirectIpAddress> address = DirectIpAddress.parse(keys);
        if (address.isEmpty() || isSet(DISABLE_DIRECT_IP_CALL)) {
            LOG.info("port {}: no direct IP call to '{}'{}", index, keys,
                    address.isEmpty() ? " (not an address)" : " (P277 disables them)");
            refuseNumber(new DialPlan.Decision(DialPlan.Outcome.NO_MATCH, "", false));
            return;
        }
        port.holdKeys(true);
        enter(LineState.CALLING);
        call = dialer.placeDirect(address.get().host(), address.get().port(), this);
    }

    /** Stores what a code changes, and confirms it; a change the store refuses gets the reorder tone. */
    private void store(StarCode code, String target) {
        collecting = null;
        java.util.Map<String, String> change = FeatureParameters.of(index).change(code, target);
        try {
            store.apply(change);
        } catch (RuntimeException refused) {
            LOG.warn("port {}: {} could not be stored ({})", index, code, refused.getMessage());
            refuseNumber(new DialPlan.Decision(DialPlan.Outcome.NO_MATCH, "", false));
            return;
        }
        LOG.info("port {}: {} {}", index, code, change);
        dialed.setLength(0);
        port.play(new ThenSource(new ToneGenerator(ToneSpec.parse(store.get(LineParameters.CONFIRMATION_TONE))),
                CONFIRMATION_MS, dialTone()));
        enter(LineState.DIAL_TONE);
    }

    /** What the per-call codes dialed before this call's number said. */
    public PerCallFeatures perCall() {
        return perCall;
    }

    /** The dial key or the no-key-entry timeout: the digits go if the dial plan allows them as they are. */
    private void dialingEnded() {
        cancelDialTimeout();
        if (state != LineState.DIALING || dialed.length() == 0) {
            return;
        }
        if (collecting == StarCode.DIRECT_IP_CALL) {
            callDirect(dialed.toString());
            return;
        }
        if (collecting == StarCode.BLIND_TRANSFER) {
            blindTransfer(dialed.toString());
            return;
        }
        if (collecting == StarCode.CODEC_THIS_CALL) {
            collecting = null;
            refuseNumber(new DialPlan.Decision(DialPlan.Outcome.NEEDS_MORE, "", false));
            return;
        }
        if (collecting != null) {
            store(collecting, dialed.toString());
            return;
        }
        if (early != LineCall.NONE) {
            // The digits are out already; the server decides.
            return;
        }
        DialPlan.Decision decision = dialPlan().decide(dialed.toString());
        if (decision.sendable()) {
            placeCall(decision);
        } else {
            refuseNumber(decision);
        }
    }

    private void placeCall(DialPlan.Decision decision) {
        cancelDialTimeout();
        LineCall previous = early;
        early = LineCall.NONE;
        hangUp(previous);
        if (decision.pstn()) {
            takePstn(decision.number());
            return;
        }
        port.holdKeys(true);
        enter(LineState.CALLING);
        // "Dial Plan Prefix" (P66 / P766) goes in front of every number sent.
        lastDialed = store.getOrEmpty(parameters.dialPlanPrefix()).strip() + decision.number();
        call = dialer.place(lastDialed, this);
    }

    private void refuseNumber(DialPlan.Decision decision) {
        cancelDialTimeout();
        LineCall previous = early;
        early = LineCall.NONE;
        hangUp(previous);
        LOG.info("port {}: the dial plan refuses {} ({})", index, dialed, decision.outcome());
        port.holdKeys(true);
        port.play(new ToneGenerator(ToneSpec.parse(store.get(LineParameters.REORDER_TONE))));
        enter(LineState.OFF_HOOK_IDLE);
    }

    private String planText = "";
    private DialPlan plan = DialPlan.ANY_DIGITS;

    /** The port's dial plan (P4200 / P4201), parsed again only when it changed; the store only keeps readable ones. */
    private DialPlan dialPlan() {
        String text = store.getOrEmpty(parameters.dialPlan());
        if (!text.equals(planText)) {
            planText = text;
            try {
                plan = text.isBlank() ? DialPlan.ANY_DIGITS : DialPlan.parse(text);
            } catch (dev.ataemu.core.dialplan.DialPlanException e) {
                LOG.warn("port {}: unreadable dial plan kept in the store ({}); any digits allowed", index, e.getMessage());
                plan = DialPlan.ANY_DIGITS;
            }
        }
        return plan;
    }

    private void cancelDialTimeout() {
        if (dialTimeout != null) {
            dialTimeout.cancel();
            dialTimeout = null;
        }
    }

    /** Whether {@code self} is the call the phone dialed: the current one, or one still being placed. */
    private boolean placing(LineCall self) {
        return state == LineState.CALLING && (self == call || call == LineCall.NONE);
    }

    /** The far end of the call this line placed rings: the phone hears the ring-back tone (P4001). */
    public void remoteRinging(LineCall self) {
        adoptEarly(self);
        if (placing(self)) {
            port.play(new ToneGenerator(ToneSpec.parse(store.get(LineParameters.RINGBACK_TONE))));
        }
    }

    /**
     * The far end sends early media (RFC 3960): the phone hears it once packets come, and the
     * local ring-back tone (P4001) until then.
     */
    public void remoteEarlyMedia(LineCall self, AudioSource farEnd, java.util.function.BooleanSupplier farEndSounds) {
        adoptEarly(self);
        if (placing(self)) {
            port.play(new EarlyMediaAudio(farEnd, farEndSounds,
                    new ToneGenerator(ToneSpec.parse(store.get(LineParameters.RINGBACK_TONE)))));
        }
    }

    /** The far end answered the call this line placed; see {@link #connectAudio} for the arguments. */
    public void remoteAnswered(LineCall self, AudioSource heard, Consumer<short[]> said, boolean keyTonesInAudio) {
        adoptEarly(self);
        if (placing(self)) {
            call = self;
            consulted = held != LineCall.NONE ? self : LineCall.NONE;
            enter(LineState.CONNECTED);
            connectAudio(self, heard, said, keyTonesInAudio);
        }
    }

    /** The call being placed failed: busy tone for 486 and 600, reorder tone for anything else. */
    public void callFailed(int status) {
        if (state != LineState.CALLING) {
            return;
        }
        call = LineCall.NONE;
        int tone = status == 486 || status == 600 ? LineParameters.BUSY_TONE : LineParameters.REORDER_TONE;
        port.play(new ToneGenerator(ToneSpec.parse(store.get(tone))));
        enter(LineState.OFF_HOOK_IDLE);
    }

    private static final int INCOMPLETE_ADDRESS = 484;

    /** The same, for {@code self}, when it is still the call the phone waits for. */
    public void callFailed(LineCall self, int status) {
        if (self == early && self != LineCall.NONE) {
            if (status == INCOMPLETE_ADDRESS) {
                early = LineCall.NONE;
                return;
            }
            adoptEarly(self);
        }
        if (placing(self)) {
            callFailed(status);
        }
    }

    /** Rings the phone for an incoming call, with its caller ID; false when the line is not free. */
    public boolean ring(CallerId callerId, LineCall incoming) {
        if (state != LineState.IDLE || port.hookState() == HookState.OFF_HOOK || held != LineCall.NONE) {
            return false;
        }
        lastCaller = callerId.number().orElse("");
        call = incoming;
        List<ToneSpec.CadenceStep> cadence = RingCadences.forCaller(store, parameters, callerId);
        port.ring(cadence, callerIdSignals().onHook(callerId));
        enter(LineState.RINGING);
        return true;
    }

    /** A transfer's new call takes the place of {@code replaced}; the phone hears it from now on when it talked there. */
    public void takeOver(LineCall replaced, LineCall replacement, AudioSource heard, Consumer<short[]> said,
            boolean keyTonesInAudio) {
        audio.remove(replaced);
        if (call == replaced && state == LineState.CONNECTED) {
            call = replacement;
        } else if (held == replaced) {
            held = replacement;
        } else {
            return;
        }
        connectAudio(replacement, heard, said, keyTonesInAudio);
    }

    /**
     * A second call while the phone is in one: offered as call waiting (the alert, with caller ID,
     * as P91/P714/P186 say); false when call waiting is off, the line is not in a call, or already
     * has a second one.
     */
    public boolean offerWaiting(CallerId callerId, LineCall second) {
        if (state != LineState.CONNECTED || waiting != LineCall.NONE || held != LineCall.NONE || conference
                || !callWaitingOn()) {
            return false;
        }
        waiting = second;
        waitingCaller = callerId;
        lastCaller = callerId.number().orElse("");
        callWaiting(callerId);
        return true;
    }

    /** The waiting call went away (its caller gave up, or nobody took it in time). */
    public void waitingGone(LineCall gone) {
        if (waiting == gone) {
            waiting = LineCall.NONE;
        }
    }

    public boolean hasWaitingCall() {
        return waiting != LineCall.NONE;
    }

    /** The same, only while the phone rings for {@code ringing}. */
    public void stopRinging(LineCall ringing) {
        if (call == ringing && ringing != LineCall.NONE) {
            stopRinging();
        }
    }

    /** The caller gave up, or someone else answered. */
    public void stopRinging() {
        if (state == LineState.RINGING) {
            call = LineCall.NONE;
            reminding = false;
            port.stopRinging();
            enter(LineState.IDLE);
        }
    }

    /**
     * The audio of {@code self}: {@code heard} plays to the phone, the phone's audio goes to
     * {@code said}, whenever the phone talks in that call (a call on hold keeps it for later). The
     * keys pressed go to the call; their tones stay in the audio only when {@code keyTonesInAudio}
     * (the in-audio DTMF method).
     */
    public void connectAudio(LineCall self, AudioSource heard, Consumer<short[]> said, boolean keyTonesInAudio) {
        audio.put(self, new LineAudio.Leg(heard, said, keyTonesInAudio));
        if (state != LineState.CONNECTED && !(state == LineState.CALLING && call == LineCall.NONE)) {
            return;
        }
        if (conference && (self == call || self == held)) {
            audio.conference(held, call);
        } else if (self == call || (state == LineState.CALLING && call == LineCall.NONE)) {
            audio.talkTo(self);
        }
    }

    private void disconnectAudio() {
        audio.disconnect();
    }

    /**
     * The far end of {@code self} hung up. The call the phone talked in: busy tone, and the loop
     * current drops if P892 says so (a held call stays, a flash takes it back). A held or waiting
     * call simply goes; in a conference, the phone goes on with the one left.
     */
    public void farEndHungUp(LineCall self) {
        audio.remove(self);
        if (self == waiting) {
            waiting = LineCall.NONE;
            return;
        }
        if (self == transferring) {
            // Some transferees leave as soon as their new call is up, before the last NOTIFY.
            blindOutcome(self, 200);
            return;
        }
        if (self == held) {
            held = LineCall.NONE;
            consulting = false;
            if (conference) {
                conference = false;
                audio.talkTo(call);
            }
            changed.accept(this);
            return;
        }
        if (self != call && !placing(self)) {
            return;
        }
        if (state == LineState.RINGING && reminding) {
            stopRinging();
            return;
        }
        if (conference) {
            conference = false;
            consulting = false;
            call = takeHeld();
            audio.talkTo(call);
            changed.accept(this);
            return;
        }
        if (state != LineState.CONNECTED && state != LineState.CALLING) {
            return;
        }
        call = LineCall.NONE;
        consulting = false;
        disconnectAudio();
        port.play(new ToneGenerator(ToneSpec.parse(store.get(LineParameters.BUSY_TONE))));
        if (isSet(parameters.loopCurrentDisconnect()) && held == LineCall.NONE) {
            port.disconnectLoop(store.getIntOr(parameters.loopCurrentDisconnectMs(), 200));
        }
        enter(LineState.OFF_HOOK_IDLE);
    }

    /**
     * Alerts a phone in a call to a second caller: the call-waiting tone, or with caller ID the
     * SAS/CAS alert, the phone's acknowledgement, and the caller ID (P91, P714, P186 decide).
     */
    public void callWaiting(CallerId callerId) {
        if (port.hookState() != HookState.OFF_HOOK || !callWaitingOn()) {
            return;
        }
        if (isSet(parameters.disableCallWaitingCallerId())) {
            if (!isSet(parameters.disableCallWaitingTone())) {
                port.send(CallerIdLineSignals.tone(ToneSpec.parse(store.get(LineParameters.CALL_WAITING_TONE))));
            }
            return;
        }
        port.send(callerIdSignals().callWaiting(callerId));
    }

    /** New voicemail waiting, or none any more: the LED, the stutter dial tone and visual MWI follow. */
    public void messageWaiting(boolean waiting) {
        if (messageWaiting == waiting) {
            return;
        }
        messageWaiting = waiting;
        if (port.hookState() == HookState.ON_HOOK && state == LineState.IDLE && !isSet(parameters.disableVisualMwi())) {
            port.send(callerIdSignals().messageWaiting(waiting));
        }
        changed.accept(this);
    }

    private AudioSource dialTone() {
        ToneSpec tone = ToneSpec.parse(store.get(LineParameters.DIAL_TONE));
        return messageWaiting ? new StutterDialTone(tone, STUTTER_INTERRUPTIONS) : new ToneGenerator(tone);
    }

    private CallerIdLineSignals callerIdSignals() {
        return new CallerIdLineSignals(store.getIntOr(parameters.callerIdScheme(), 0),
                store.getIntOr(parameters.dtmfCallerIdStart(), 0),
                store.getIntOr(parameters.dtmfCallerIdStop(), 0));
    }

    /** Call waiting for this call: *70 / *71 when dialed before it, else "Disable Call-Waiting" (P91 / P791). */
    private boolean callWaitingOn() {
        return perCall.callWaiting().orElse(!isSet(FeatureParameters.of(index).disableCallWaiting()));
    }

    private boolean isSet(int number) {
        return store.getIntOr(number, 0) == 1;
    }

    private void enter(LineState next) {
        boolean wasInCall = state == LineState.CONNECTED;
        state = next;
        // "Polarity Reversal" (P205 / P865, HW-34): reversed while a call is up, back when it ends.
        if ((next == LineState.CONNECTED) != wasInCall && isSet(parameters.polarityReversal())) {
            port.reversePolarity(next == LineState.CONNECTED);
        }
        offHookWarning();
        changed.accept(this);
    }

    /** Dial tone with no key for this long gives the reorder tone (PLAT-71). */
    static final java.time.Duration DIAL_TONE_TIMEOUT = java.time.Duration.ofSeconds(30);
    /** A phone left off hook on the reorder or busy tone this long hears the howler. */
    static final java.time.Duration HOWLER_AFTER = java.time.Duration.ofSeconds(60);
    /** The receiver off-hook tone: four tones, 100 ms on and off (Telcordia GR-506; quieter here, so the sum does not clip). */
    private static final String HOWLER = "f1=1400@-6,f2=2060@-6,f3=2450@-6,f4=2600@-6,c=100/100;";
    private dev.ataemu.time.Scheduler.Timer offHookTimer;

    /** A phone left off hook: dial tone times out to reorder, and reorder or busy to the howler. */
    private void offHookWarning() {
        if (offHookTimer != null) {
            offHookTimer.cancel();
            offHookTimer = null;
        }
        if (state == LineState.DIAL_TONE) {
            offHookTimer = port.scheduler().schedule(DIAL_TONE_TIMEOUT, () -> {
                if (state == LineState.DIAL_TONE) {
                    LOG.info("port {}: no key after {} s of dial tone", index, DIAL_TONE_TIMEOUT.toSeconds());
                    refuseNumber(new DialPlan.Decision(DialPlan.Outcome.NO_MATCH, "", false));
                }
            });
        } else if (state == LineState.OFF_HOOK_IDLE) {
            offHookTimer = port.scheduler().schedule(HOWLER_AFTER, () -> {
                if (state == LineState.OFF_HOOK_IDLE && port.hookState() == HookState.OFF_HOOK) {
                    LOG.info("port {}: left off hook; howler", index);
                    port.play(new ToneGenerator(ToneSpec.parse(HOWLER)));
                }
            });
        }
    }
}
