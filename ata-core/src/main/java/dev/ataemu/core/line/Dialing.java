package dev.ataemu.core.line;

import dev.ataemu.core.config.ParameterStore;
import dev.ataemu.core.dialplan.DialPlan;
import dev.ataemu.core.feature.CallCodec;
import dev.ataemu.core.feature.DirectIpAddress;
import dev.ataemu.core.feature.FeatureParameters;
import dev.ataemu.core.feature.PerCallFeatures;
import dev.ataemu.core.feature.StarCode;
import dev.ataemu.media.audio.AudioSource;
import dev.ataemu.media.callerid.CallerId;
import dev.ataemu.media.tone.ToneGenerator;
import dev.ataemu.media.tone.ToneSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys a phone dials after dial tone, up to the call they make: the star codes the device
 * handles itself, the dial plan's decisions, early dial, off-hook auto-dial, redial and call return,
 * direct IP calls, the PSTN access code, and the lasting codes it stores.
 */
final class Dialing {

    // Dialing is the line's own doing: its log keeps the line's name.
    private static final Logger LOG = LoggerFactory.getLogger(FxsLine.class);
    private static final int DISABLE_DIRECT_IP_CALL = 277;
    private static final int PSTN_ACCESS_CODE = 195;
    private static final int INCOMPLETE_ADDRESS = 484;
    private static final String VOICE_MENU = "***";

    private final FxsLine line;
    private final int index;
    private final ParameterStore store;
    private final LineParameters parameters;
    private final LineAudio audio;
    private final FlashFeatures flashFeatures;
    private final StringBuilder dialed = new StringBuilder();
    private PerCallFeatures perCall = PerCallFeatures.NONE;
    /** The forward code whose number is being dialed, if any. */
    private StarCode collecting;
    /** The last number this line placed (redial) and the last caller's number (call return); "" for none. */
    private String lastDialed = "";
    private String lastCaller = "";
    private LineCall early = LineCall.NONE;
    private boolean earlyPlacing;
    private FxsLine.Dialer dialer = (digits, placing) -> {
        placing.callFailed(480);
        return LineCall.NONE;
    };
    private dev.ataemu.time.Scheduler.Timer dialTimeout;
    private String planText = "";
    private DialPlan plan = DialPlan.ANY_DIGITS;

    Dialing(FxsLine line, ParameterStore store, LineParameters parameters, LineAudio audio,
            FlashFeatures flashFeatures) {
        this.line = line;
        this.index = line.index();
        this.store = store;
        this.parameters = parameters;
        this.audio = audio;
        this.flashFeatures = flashFeatures;
    }

    void dialer(FxsLine.Dialer newDialer) {
        dialer = newDialer;
    }

    String digits() {
        return dialed.toString();
    }

    /** What the per-call codes dialed before this call's number said. */
    PerCallFeatures perCall() {
        return perCall;
    }

    /** Fresh dial tone: the keys, the per-call codes and any code's number start over. */
    void startOver() {
        cancelTimeout();
        dialed.setLength(0);
        perCall = PerCallFeatures.NONE;
        collecting = null;
    }

    /** The number call return (*69) calls. */
    void rememberCaller(CallerId callerId) {
        lastCaller = callerId.number().orElse("");
    }

    /** A key pressed on dial tone or while dialing. */
    void key(char key) {
        if (line.state() == LineState.DIAL_TONE) {
            line.port().play(AudioSource.SILENCE);
            line.enter(LineState.DIALING);
        }
        if (line.state() != LineState.DIALING) {
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
        line.reportChange();
        cancelTimeout();
        if (collecting == StarCode.CODEC_THIS_CALL) {
            codecKey();
            return;
        }
        if (collecting != null) {
            awaitNextKey();
            return;
        }
        // "***" opens the voice menu (IVR-01), ahead of the star codes and the dial plan.
        if (line.menuAvailable() && VOICE_MENU.startsWith(dialed.toString())) {
            if (dialed.length() == VOICE_MENU.length()) {
                cancelTimeout();
                dialed.setLength(0);
                line.openMenu();
            } else {
                awaitNextKey();
            }
            return;
        }
        // "PSTN Access Code" (HT813 P195, *00 from the factory): the phone takes the PSTN line.
        if (dialed.toString().equals(store.getOrEmpty(PSTN_ACCESS_CODE).strip())) {
            takePstn("");
            return;
        }
        // Local feature codes come before the dial plan (DP-19), so that a plan without "*" keeps them.
        if (line.isSet(parameters.callFeatures()) && dialed.charAt(0) == '*') {
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
                if (line.isSet(parameters.earlyDial()) && !decision.pstn()) {
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
        dropEarlyAttempt();
        String number = store.getOrEmpty(parameters.dialPlanPrefix()).strip() + dialed;
        LOG.debug("port {}: early dial {}", index, number);
        earlyPlacing = true;
        LineCall attempt = dialer.place(number, line);
        earlyPlacing = false;
        if (line.state() == LineState.DIALING) {
            early = attempt;
        } else {
            line.hangUp(attempt);
        }
    }

    /** Lets the early-dial attempt go, if there is one. */
    void dropEarlyAttempt() {
        LineCall previous = early;
        early = LineCall.NONE;
        line.hangUp(previous);
    }

    /** The early-dial attempt {@code self} got somewhere: it becomes the line's call. */
    void adoptEarly(LineCall self) {
        if (line.state() == LineState.DIALING && (self == early || earlyPlacing) && self != LineCall.NONE) {
            cancelTimeout();
            early = LineCall.NONE;
            line.call = self;
            lastDialed = store.getOrEmpty(parameters.dialPlanPrefix()).strip() + dialed;
            line.port().holdKeys(true);
            line.enter(LineState.CALLING);
        }
    }

    /**
     * Whether the failure of {@code self} only means that the early-dial attempt needs more keys
     * (484); any other failure of that attempt makes it the line's call, which then fails as one.
     */
    boolean earlyAttemptNeedsMoreKeys(LineCall self, int status) {
        if (self == early && self != LineCall.NONE) {
            if (status == INCOMPLETE_ADDRESS) {
                early = LineCall.NONE;
                return true;
            }
            adoptEarly(self);
        }
        return false;
    }

    /**
     * "Offhook Auto-Dial" (P71 / P771): the number is called by itself after "Offhook Auto-Dial
     * Delay" (P4045 / P4046) seconds of dial tone, unless a key is pressed first (CALL-06).
     */
    void autoDial() {
        String number = store.getOrEmpty(parameters.autoDial()).strip();
        if (number.isEmpty()) {
            return;
        }
        int delay = store.getIntOr(parameters.autoDialDelay(), 0);
        Runnable dial = () -> {
            if (line.state() == LineState.DIAL_TONE) {
                LOG.info("port {}: off-hook auto-dial {}", index, number);
                callBack(number, "");
            }
        };
        if (delay == 0) {
            dial.run();
        } else {
            dialTimeout = line.port().scheduler().schedule(java.time.Duration.ofSeconds(delay), dial);
        }
    }

    private void awaitNextKey() {
        int seconds = store.getIntOr(parameters.noKeyEntryTimeout(), 4);
        dialTimeout = line.port().scheduler().schedule(java.time.Duration.ofSeconds(seconds), this::dialingEnded);
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
                if (code == StarCode.BLIND_TRANSFER && line.held == LineCall.NONE) {
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

    /** The voice menu's option 47: the keys that follow are an address, as after *47 (IVR-28). */
    void collectDirectIpAddress() {
        startOver();
        collecting = StarCode.DIRECT_IP_CALL;
    }

    /**
     * The voice menu's option 86 (IVR-29): the account's voicemail. The ATAs keep no voicemail access
     * number, so the call goes to the account's own user ID and the server's mailbox answers (GAP-53).
     */
    void callVoicemail() {
        startOver();
        String userId = store.getOrEmpty(dev.ataemu.core.account.AccountParameters.of(store.catalog().modelId(), index)
                .userId()).strip();
        callBack(userId, "no user ID whose voicemail to call");
    }

    /** Calls {@code number} again as it was placed (redial, call return); reorder when there is none. */
    private void callBack(String number, String none) {
        if (number.isEmpty()) {
            LOG.info("port {}: {}", index, none);
            refuseNumber(new DialPlan.Decision(DialPlan.Outcome.NO_MATCH, "", false));
            return;
        }
        line.port().holdKeys(true);
        line.enter(LineState.CALLING);
        dialed.setLength(0);
        dialed.append(number);
        lastDialed = number;
        line.call = dialer.place(number, line);
    }

    /** Bridges the phone to the PSTN line (dialing {@code number} into it when given); busy tone when it is taken. */
    private void takePstn(String number) {
        cancelTimeout();
        dialed.setLength(0);
        dialed.append(number);
        line.port().holdKeys(true);
        line.enter(LineState.CALLING);
        line.call = dialer.placePstn(number, line);
        if (line.state() == LineState.CALLING) {
            LOG.info("port {}: on the PSTN line{}", index, number.isEmpty() ? "" : ", dialing " + number);
            line.enter(LineState.CONNECTED);
            audio.talkTo(line.call);
        }
    }

    /** The address keyed after *47, unless "Disable Direct IP Call" (P277) says no or it is no address. */
    private void callDirect(String keys) {
        collecting = null;
        java.util.Optional<DirectIpAddress> address = DirectIpAddress.parse(keys);
        if (address.isEmpty() || line.isSet(DISABLE_DIRECT_IP_CALL)) {
            LOG.info("port {}: no direct IP call to '{}'{}", index, keys,
                    address.isEmpty() ? " (not an address)" : " (P277 disables them)");
            refuseNumber(new DialPlan.Decision(DialPlan.Outcome.NO_MATCH, "", false));
            return;
        }
        line.port().holdKeys(true);
        line.enter(LineState.CALLING);
        line.call = dialer.placeDirect(address.get().host(), address.get().port(), line);
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
        line.port().play(line.confirmationThenDialTone());
        line.enter(LineState.DIAL_TONE);
    }

    /** The dial key or the no-key-entry timeout: the digits go if the dial plan allows them as they are. */
    private void dialingEnded() {
        cancelTimeout();
        if (line.state() != LineState.DIALING || dialed.length() == 0) {
            return;
        }
        if (collecting == StarCode.DIRECT_IP_CALL) {
            callDirect(dialed.toString());
            return;
        }
        if (collecting == StarCode.BLIND_TRANSFER) {
            collecting = null;
            flashFeatures.blindTransfer(dialed.toString());
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
        cancelTimeout();
        dropEarlyAttempt();
        if (decision.pstn()) {
            takePstn(decision.number());
            return;
        }
        line.port().holdKeys(true);
        line.enter(LineState.CALLING);
        // "Dial Plan Prefix" (P66 / P766) goes in front of every number sent.
        lastDialed = store.getOrEmpty(parameters.dialPlanPrefix()).strip() + decision.number();
        line.call = dialer.place(lastDialed, line);
    }

    void refuseNumber(DialPlan.Decision decision) {
        cancelTimeout();
        dropEarlyAttempt();
        LOG.info("port {}: the dial plan refuses {} ({})", index, dialed, decision.outcome());
        line.port().holdKeys(true);
        line.port().play(new ToneGenerator(ToneSpec.parse(store.get(LineParameters.REORDER_TONE))));
        line.enter(LineState.OFF_HOOK_IDLE);
    }

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

    void cancelTimeout() {
        if (dialTimeout != null) {
            dialTimeout.cancel();
            dialTimeout = null;
        }
    }
}
