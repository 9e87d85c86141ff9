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
    private LineCall waiting = LineCall.NONE;
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
        perCall = PerCallFeatures.NONE;
        collecting = null;
        port.play(dialTone());
        port.holdKeys(false);
        enter(LineState.DIAL_TONE);
        autoDial();
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
            default -> awaitNextKey();
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
        if (collecting == StarCode.CODEC_THIS_CALL) {
            collecting = null;
            refuseNumber(new DialPlan.Decision(DialPlan.Outcome.NEEDS_MORE, "", false));
            return;
        }
        if (collecting != null) {
            store(collecting, dialed.toString());
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
        lastCaller = callerId.number().orElse("");
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
        if (state != LineState.CONNECTED || waiting != LineCall.NONE || !callWaitingOn()) {
            return false;
        }
        waiting = second;
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
        state = next;
        changed.accept(this);
    }
}
