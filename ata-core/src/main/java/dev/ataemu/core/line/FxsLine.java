package dev.ataemu.core.line;

import dev.ataemu.core.config.ParameterStore;
import dev.ataemu.core.feature.FeatureParameters;
import dev.ataemu.core.feature.PerCallFeatures;
import dev.ataemu.core.menu.MenuDevice;
import dev.ataemu.core.menu.MenuLine;
import dev.ataemu.core.menu.MenuSession;
import dev.ataemu.core.menu.VoiceMenu;
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

/**
 * The firmware's handling of one FXS line: dial tone when the phone is lifted, the keys it
 * dials, ringing with caller ID, the call-waiting alert, message waiting, and the hook-flash
 * features: hold, call waiting, blind and attended transfer, the 3-way conference. The line has
 * at most two calls: the one the phone talks in and one on hold (or waiting to be answered).
 * Runs on the device's scheduler.
 */
public final class FxsLine implements FxsEvents {

    // 15 interruptions of 100 ms on / 100 ms off: three seconds of stutter, then steady dial tone (GAP-52).
    private static final int STUTTER_INTERRUPTIONS = 15;
    // Three beeps of the factory confirmation tone (100 ms on, 100 ms off).
    private static final int CONFIRMATION_MS = 600;
    private static final int DISABLE_VOICE_PROMPT = 253;

    private final int index;
    private final LineParameters parameters;
    private final ParameterStore store;
    private final Consumer<FxsLine> changed;
    private FxsPort port;
    private LineState state = LineState.IDLE;
    private boolean messageWaiting;
    LineCall call = LineCall.NONE;
    LineCall waiting = LineCall.NONE;
    CallerId waitingCaller;
    /** The call on hold while the phone dials, or talks in {@link #call}. */
    LineCall held = LineCall.NONE;
    /** Whether {@link #call} was dialed while {@link #held} waits: hanging up transfers, a flash conferences. */
    boolean consulting;
    /** The call dialed while another was held: the one a flash drops from the conference. */
    LineCall consulted = LineCall.NONE;
    boolean conference;
    /** Whether the phone rings to remind of a call left on hold (answering takes it back). */
    boolean reminding;
    private final LineAudio audio = new LineAudio();
    private final MediaChannels channels = new MediaChannels();
    private final FlashFeatures flashFeatures;
    private final Dialing dialing;
    private final OffHookWarning offHookWarning;
    private VoiceMenu voiceMenu;
    private MenuDevice menuDevice;
    /** The voice menu's hold on the line while the phone is in it. */
    private MenuAccess inMenu;

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
        this.flashFeatures = new FlashFeatures(this, store, parameters, audio);
        this.dialing = new Dialing(this, store, parameters, audio, flashFeatures);
        this.offHookWarning = new OffHookWarning(this, dialing);
    }

    public void dialer(Dialer newDialer) {
        dialing.dialer(java.util.Objects.requireNonNull(newDialer));
    }

    private java.time.Clock wallClock;

    /** The device's wall clock, in its time zone: caller-ID time stamps read it. */
    public void wallClock(java.time.Clock clock) {
        wallClock = java.util.Objects.requireNonNull(clock);
    }

    public java.time.Clock wallClock() {
        return wallClock != null ? wallClock : port.scheduler().clock();
    }

    /** The voice menu {@code ***} opens, and the device it may read and act on. */
    public void voiceMenu(VoiceMenu menu, MenuDevice device) {
        voiceMenu = java.util.Objects.requireNonNull(menu);
        menuDevice = java.util.Objects.requireNonNull(device);
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
        return dialing.digits();
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

    /** What the per-call codes dialed before this call's number said. */
    public PerCallFeatures perCall() {
        return dialing.perCall();
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
        if (voiceMenu != null && menuDevice.refusesCallsUnregistered(index)) {
            // IVR-33: the prompt instead of dial tone; *** and the local codes still work.
            port.play(voiceMenu.notRegistered(store));
            return;
        }
        dialing.autoDial();
    }

    /** Whether {@code ***} opens the voice menu: there is one, and "Disable Voice Prompt" (P253) is No (IVR-36). */
    boolean menuAvailable() {
        return voiceMenu != null && !isSet(DISABLE_VOICE_PROMPT);
    }

    void openMenu() {
        MenuAccess access = new MenuAccess();
        inMenu = access;
        enter(LineState.VOICE_MENU);
        try {
            access.session = voiceMenu.open(access);
        } catch (RuntimeException failed) {
            // A menu that cannot speak must not leave the phone in silence: back to dial tone.
            org.slf4j.LoggerFactory.getLogger(FxsLine.class).warn("port {}: the voice menu failed to open: {}", index,
                    failed.toString());
            inMenu = null;
            freshDialTone();
        }
    }

    private void leaveMenu() {
        MenuAccess leaving = inMenu;
        inMenu = null;
        if (leaving != null && leaving.session != null) {
            leaving.session.end();
        }
    }

    void freshDialTone() {
        dialing.startOver();
        audio.disconnect();
        port.play(dialTone());
        port.holdKeys(false);
        enter(LineState.DIAL_TONE);
    }

    @Override
    public void onHook() {
        leaveMenu();
        cancelDialTimeout();
        flashFeatures.cancelFlashDigit();
        dialing.dropEarlyAttempt();
        LineCall ended = call;
        call = LineCall.NONE;
        boolean talking = state == LineState.CONNECTED;
        port.play(AudioSource.SILENCE);
        audio.disconnect();
        // What was dialed, and its per-call codes, end with the call.
        dialing.startOver();
        enter(LineState.IDLE);
        flashFeatures.phoneHungUp(ended, talking);
    }

    /** Lets a call go (BYE or CANCEL) and forgets its audio. */
    void hangUp(LineCall ended) {
        if (ended != LineCall.NONE) {
            audio.remove(ended);
            ended.hungUp(this);
        }
    }

    void cancelDialTimeout() {
        dialing.cancelTimeout();
    }

    LineCall takeHeld() {
        LineCall taken = held;
        held = LineCall.NONE;
        return taken;
    }

    @Override
    public void hookFlash() {
        flashFeatures.hookFlash();
    }

    @Override
    public void digit(char key) {
        if (flashFeatures.awaitsFlashDigit()) {
            flashFeatures.flashDigit(key);
            return;
        }
        if (state == LineState.CONNECTED) {
            call.key(this, key);
            return;
        }
        if (state == LineState.VOICE_MENU && inMenu != null && inMenu.session != null) {
            inMenu.session.key(key);
            return;
        }
        dialing.key(key);
    }

    /** Whether {@code self} is the call the phone dialed: the current one, or one still being placed. */
    private boolean placing(LineCall self) {
        return state == LineState.CALLING && (self == call || call == LineCall.NONE);
    }

    /** The far end of the call this line placed rings: the phone hears the ring-back tone (P4001). */
    public void remoteRinging(LineCall self) {
        dialing.adoptEarly(self);
        if (placing(self)) {
            port.play(new ToneGenerator(ToneSpec.parse(store.get(LineParameters.RINGBACK_TONE))));
        }
    }

    /**
     * The far end sends early media (RFC 3960): the phone hears it once packets come, and the
     * local ring-back tone (P4001) until then.
     */
    public void remoteEarlyMedia(LineCall self, AudioSource farEnd, java.util.function.BooleanSupplier farEndSounds) {
        dialing.adoptEarly(self);
        if (placing(self)) {
            port.play(new EarlyMediaAudio(farEnd, farEndSounds,
                    new ToneGenerator(ToneSpec.parse(store.get(LineParameters.RINGBACK_TONE)))));
        }
    }

    /** The far end answered the call this line placed; see {@link #connectAudio} for the arguments. */
    public void remoteAnswered(LineCall self, AudioSource heard, Consumer<short[]> said, boolean keyTonesInAudio) {
        dialing.adoptEarly(self);
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

    /** The same, for {@code self}, when it is still the call the phone waits for. */
    public void callFailed(LineCall self, int status) {
        if (dialing.earlyAttemptNeedsMoreKeys(self, status)) {
            return;
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
        dialing.rememberCaller(callerId);
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
        dialing.rememberCaller(callerId);
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

    /**
     * The far end of {@code self} hung up. The call the phone talked in: busy tone, and the loop
     * current drops if P892 says so (a held call stays, a flash takes it back). A held or waiting
     * call simply goes; in a conference, the phone goes on with the one left.
     */
    public void farEndHungUp(LineCall self) {
        audio.remove(self);
        if (flashFeatures.secondCallHungUp(self)) {
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
            flashFeatures.conferencePartyHungUp();
            return;
        }
        if (state != LineState.CONNECTED && state != LineState.CALLING) {
            return;
        }
        call = LineCall.NONE;
        consulting = false;
        audio.disconnect();
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

    FxsPort port() {
        return port;
    }

    /** The line as one visit to the voice menu sees it; it does nothing once the visit is over. */
    private final class MenuAccess implements MenuLine {
        MenuSession session;

        private boolean current() {
            return inMenu == this && state == LineState.VOICE_MENU;
        }

        @Override
        public int port() {
            return index;
        }

        @Override
        public ParameterStore store() {
            return store;
        }

        @Override
        public dev.ataemu.time.Scheduler scheduler() {
            return port.scheduler();
        }

        @Override
        public MenuDevice device() {
            return menuDevice;
        }

        @Override
        public void play(AudioSource audio) {
            if (current()) {
                port.play(audio);
            }
        }

        @Override
        public void directIpCall() {
            if (current()) {
                inMenu = null;
                session.end();
                dialing.collectDirectIpAddress();
                port.play(dialTone());
                enter(LineState.DIAL_TONE);
            }
        }

        @Override
        public void voicemail() {
            if (current()) {
                inMenu = null;
                session.end();
                enter(LineState.DIALING);
                dialing.callVoicemail();
            }
        }
    }

    /** Tells the device the line changed (its state, digits or calls). */
    void reportChange() {
        changed.accept(this);
    }

    private AudioSource dialTone() {
        ToneSpec tone = ToneSpec.parse(store.get(LineParameters.DIAL_TONE));
        return messageWaiting ? new StutterDialTone(tone, STUTTER_INTERRUPTIONS) : new ToneGenerator(tone);
    }

    /** The confirmation tone (P4004), then dial tone for what comes next: a code stored, a transfer done. */
    AudioSource confirmationThenDialTone() {
        return new ThenSource(new ToneGenerator(ToneSpec.parse(store.get(LineParameters.CONFIRMATION_TONE))),
                CONFIRMATION_MS, dialTone());
    }

    CallerIdLineSignals callerIdSignals() {
        return new CallerIdLineSignals(store.getIntOr(parameters.callerIdScheme(), 0),
                store.getIntOr(parameters.dtmfCallerIdStart(), 0),
                store.getIntOr(parameters.dtmfCallerIdStop(), 0));
    }

    /** Call waiting for this call: *70 / *71 when dialed before it, else "Disable Call-Waiting" (P91 / P791). */
    private boolean callWaitingOn() {
        return dialing.perCall().callWaiting().orElse(!isSet(FeatureParameters.of(index).disableCallWaiting()));
    }

    /** A fax is on the call: the echo canceller stays off until the line is idle again (CALL-39). */
    public void faxCall() {
        port.cancelEcho(false);
    }

    boolean isSet(int number) {
        return store.getIntOr(number, 0) == 1;
    }

    void enter(LineState next) {
        boolean wasInCall = state == LineState.CONNECTED;
        state = next;
        // "Polarity Reversal" (P205 / P865, HW-34): reversed while a call is up, back when it ends.
        if ((next == LineState.CONNECTED) != wasInCall && isSet(parameters.polarityReversal())) {
            port.reversePolarity(next == LineState.CONNECTED);
        }
        // *03 turns the echo canceller off for the call dialed after it; the port's setting returns after.
        if (next == LineState.CONNECTED && !wasInCall && perCall().echoCancellerOff()) {
            port.cancelEcho(false);
        } else if (next == LineState.IDLE) {
            applySettings();
        }
        offHookWarning.follow(next);
        changed.accept(this);
    }
}
