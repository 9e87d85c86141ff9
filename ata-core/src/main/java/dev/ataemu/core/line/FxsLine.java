package dev.ataemu.core.line;

import dev.ataemu.core.config.ParameterStore;
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
 * dials, ringing with caller ID, the call-waiting alert and message waiting. Runs on the device's
 * scheduler. (Dial plans, calls and the flash features build on it.)
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
    private boolean messageWaiting;
    private LineCall call = LineCall.NONE;
    private LineCall waiting = LineCall.NONE;
    private Dialer dialer = (digits, line) -> {
        line.callFailed(480);
        return LineCall.NONE;
    };
    private dev.ataemu.time.Scheduler.Timer dialTimeout;

    /** Places the calls this line dials; the line hears back through its call methods. */
    public interface Dialer {
        LineCall place(String digits, FxsLine line);
    }

    public FxsLine(int index, ParameterStore store, Consumer<FxsLine> changed) {
        this.index = index;
        this.parameters = LineParameters.of(index);
        this.store = store;
        this.changed = changed;
    }

    public void dialer(Dialer newDialer) {
        dialer = java.util.Objects.requireNonNull(newDialer);
    }

    /** Connects the line to its port; the port must send its events here. */
    public void attach(FxsPort fxsPort) {
        port = fxsPort;
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

    @Override
    public void offHook() {
        if (state == LineState.RINGING) {
            port.stopRinging();
            port.holdKeys(true);
            enter(LineState.CONNECTED);
            call.answered(this);
            return;
        }
        dialed.setLength(0);
        port.play(dialTone());
        port.holdKeys(false);
        enter(LineState.DIAL_TONE);
    }

    @Override
    public void onHook() {
        cancelDialTimeout();
        LineCall ended = call;
        call = LineCall.NONE;
        if (state == LineState.CONNECTED || state == LineState.CALLING) {
            ended.hungUp(this);
        }
        port.play(AudioSource.SILENCE);
        disconnectAudio();
        waiting = LineCall.NONE;
        dialed.setLength(0);
        enter(LineState.IDLE);
    }

    @Override
    public void hookFlash() {
        if (state == LineState.CONNECTED) {
            call.flash(this);
            return;
        }
        LOG.debug("port {}: hook flash in state {}", index, state);
    }

    @Override
    public void digit(char key) {
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
        if (key == '#' && dialed.length() > 0 && store.getIntOr(parameters.useHashAsDialKey(), 1) == 1) {
            placeCall();
            return;
        }
        dialed.append(key);
        changed.accept(this);
        cancelDialTimeout();
        int seconds = store.getIntOr(parameters.noKeyEntryTimeout(), 4);
        dialTimeout = port.scheduler().schedule(java.time.Duration.ofSeconds(seconds), this::placeCall);
    }

    private void placeCall() {
        cancelDialTimeout();
        if (state != LineState.DIALING || dialed.length() == 0) {
            return;
        }
        port.holdKeys(true);
        enter(LineState.CALLING);
        call = dialer.place(dialed.toString(), this);
    }

    private void cancelDialTimeout() {
        if (dialTimeout != null) {
            dialTimeout.cancel();
            dialTimeout = null;
        }
    }

    /** The far end rings: the phone hears the ring-back tone (P4001). */
    public void remoteRinging() {
        if (state == LineState.CALLING) {
            port.play(new ToneGenerator(ToneSpec.parse(store.get(LineParameters.RINGBACK_TONE))));
        }
    }

    /**
     * The far end sends early media (RFC 3960): the phone hears it once packets come, and the
     * local ring-back tone (P4001) until then.
     */
    public void remoteEarlyMedia(AudioSource farEnd, java.util.function.BooleanSupplier farEndSounds) {
        if (state == LineState.CALLING) {
            port.play(new EarlyMediaAudio(farEnd, farEndSounds,
                    new ToneGenerator(ToneSpec.parse(store.get(LineParameters.RINGBACK_TONE)))));
        }
    }

    /** The far end answered the call this line placed; see {@link #connectAudio} for the arguments. */
    public void remoteAnswered(AudioSource heard, Consumer<short[]> said, boolean keyTonesInAudio) {
        if (state == LineState.CALLING) {
            connectAudio(heard, said, keyTonesInAudio);
            enter(LineState.CONNECTED);
        }
    }

    /** The call could not be placed: busy tone for 486, reorder tone for anything else. */
    public void callFailed(int status) {
        if (state != LineState.CALLING) {
            return;
        }
        call = LineCall.NONE;
        int tone = status == 486 || status == 600 ? LineParameters.BUSY_TONE : LineParameters.REORDER_TONE;
        port.play(new ToneGenerator(ToneSpec.parse(store.get(tone))));
        enter(LineState.OFF_HOOK_IDLE);
    }

    /** Rings the phone for an incoming call, with its caller ID; false when the line is not free. */
    public boolean ring(CallerId callerId, LineCall incoming) {
        if (state != LineState.IDLE || port.hookState() == HookState.OFF_HOOK) {
            return false;
        }
        call = incoming;
        List<ToneSpec.CadenceStep> cadence = RingCadences.forCaller(store, parameters, callerId);
        port.ring(cadence, callerIdSignals().onHook(callerId));
        enter(LineState.RINGING);
        return true;
    }

    /** A transfer's new call takes the place of the current one; the phone hears it from now on. */
    public void takeOver(LineCall replacement, AudioSource heard, Consumer<short[]> said, boolean keyTonesInAudio) {
        if (state == LineState.CONNECTED) {
            call = replacement;
            connectAudio(heard, said, keyTonesInAudio);
        }
    }

    /**
     * A second call while the phone is in one: offered as call waiting (the alert, with caller ID,
     * as P91/P714/P186 say); false when call waiting is off, the line is not in a call, or a call
     * already waits. Answering it with a flash belongs to the call features.
     */
    public boolean offerWaiting(CallerId callerId, LineCall second) {
        if (state != LineState.CONNECTED || waiting != LineCall.NONE || isSet(parameters.disableCallWaiting())) {
            return false;
        }
        waiting = second;
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

    /** The caller gave up, or someone else answered. */
    public void stopRinging() {
        if (state == LineState.RINGING) {
            call = LineCall.NONE;
            port.stopRinging();
            enter(LineState.IDLE);
        }
    }

    /**
     * Connects the call's audio: {@code heard} plays to the phone, the phone's audio goes to
     * {@code said}. The keys pressed from now on go to the call; their tones stay in the audio only
     * when {@code keyTonesInAudio} (the in-audio DTMF method).
     */
    public void connectAudio(AudioSource heard, Consumer<short[]> said, boolean keyTonesInAudio) {
        port.play(heard);
        port.upstream(said);
        port.silenceKeyTones(!keyTonesInAudio);
        port.holdKeys(false);
    }

    private void disconnectAudio() {
        port.upstream(frame -> { });
        port.silenceKeyTones(false);
        port.holdKeys(true);
    }

    /** The far end hung up: the phone hears the busy tone, and the loop current drops if P892 says so. */
    public void farEndHungUp() {
        if (state != LineState.CONNECTED && state != LineState.CALLING) {
            return;
        }
        call = LineCall.NONE;
        disconnectAudio();
        port.play(new ToneGenerator(ToneSpec.parse(store.get(LineParameters.BUSY_TONE))));
        if (isSet(parameters.loopCurrentDisconnect())) {
            port.disconnectLoop(store.getIntOr(parameters.loopCurrentDisconnectMs(), 200));
        }
        enter(LineState.OFF_HOOK_IDLE);
    }

    /**
     * Alerts a phone in a call to a second caller: the call-waiting tone, or with caller ID the
     * SAS/CAS alert, the phone's acknowledgement, and the caller ID (P91, P714, P186 decide).
     */
    public void callWaiting(CallerId callerId) {
        if (port.hookState() != HookState.OFF_HOOK || isSet(parameters.disableCallWaiting())) {
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

    private boolean isSet(int number) {
        return store.getIntOr(number, 0) == 1;
    }

    private void enter(LineState next) {
        state = next;
        changed.accept(this);
    }
}
