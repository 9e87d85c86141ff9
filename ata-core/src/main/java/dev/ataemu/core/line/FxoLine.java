package dev.ataemu.core.line;

import dev.ataemu.core.config.ParameterStore;
import dev.ataemu.hal.fxo.FxoEvents;
import dev.ataemu.hal.fxo.FxoPort;
import dev.ataemu.hal.fxo.FxoSettings;
import dev.ataemu.hal.port.HookState;
import dev.ataemu.hal.line.CallerIds;
import dev.ataemu.media.audio.AudioSource;
import dev.ataemu.media.callerid.CallerId;
import dev.ataemu.media.tone.ToneSpec;
import dev.ataemu.time.Scheduler;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HT813's handling of its PSTN line: it counts the rings of an incoming PSTN call, reads its
 * caller ID, rings the FXS phone through (P842, after P843 seconds) with that caller ID, and when
 * the phone answers seizes the line and bridges the two; nobody answering within "Number of Rings"
 * (P798), the call goes to VoIP through the gateway {@link #onUnanswered} names. The FXS phone also
 * takes the line for its own calls ({@link #takeFor}).
 */
public final class FxoLine implements FxoEvents {

    private static final Logger LOG = LoggerFactory.getLogger(FxoLine.class);

    private static final int RING_THROUGH = 842;
    private static final int RING_THROUGH_DELAY = 843;
    private static final int DTMF_LENGTH = 3300;
    private static final int DTMF_PAUSE = 3302;
    private static final int CURRENT_DISCONNECT = 893;
    private static final int CURRENT_DISCONNECT_MS = 764;
    private static final int POLARITY_REVERSAL = 28101;
    private static final int DISCONNECT_TONE_DETECTION = 712;
    private static final int DISCONNECT_TONE = 841;
    private static final int RING_TIMEOUT = 3630;
    /** "Number of Rings" before an unanswered PSTN call goes to VoIP (FXO-13). */
    private static final int NUMBER_OF_RINGS = 798;
    /** "Min Delay Before Dial PSTN Number" (ms), between seizing the line and dialing into it. */
    private static final int DIAL_DELAY_MS = 3206;

    private final ParameterStore store;
    private final Scheduler scheduler;
    private final FxsLine phone;
    private final BooleanSupplier running;
    private final Consumer<FxoLine> changed;
    private FxoPort port;
    private Optional<CallerId> callerId = Optional.empty();
    private Scheduler.Timer ringThrough;
    private boolean bridged;
    /** The phone's call that the bridge is, while there is one. */
    private LineCall bridgedCall = LineCall.NONE;
    private boolean pstnRinging;
    private Runnable voipCall;
    private LineCall ringingPhone = LineCall.NONE;
    private Supplier<Optional<Runnable>> toVoip = Optional::empty;

    public FxoLine(ParameterStore store, Scheduler scheduler, FxsLine phone, BooleanSupplier running,
            Consumer<FxoLine> changed) {
        this.store = store;
        this.scheduler = scheduler;
        this.phone = phone;
        this.running = running;
        this.changed = changed;
    }

    /**
     * What takes a PSTN call nobody answered within "Number of Rings" (P798): the gateway to VoIP,
     * when the device can reach the network (empty leaves the call ringing).
     */
    public void onUnanswered(Supplier<Optional<Runnable>> gateway) {
        toVoip = Objects.requireNonNull(gateway);
    }

    public void attach(FxoPort fxoPort) {
        port = fxoPort;
        applySettings();
    }

    public void applySettings() {
        String tone = store.get(DISCONNECT_TONE);
        port.settings(new FxoSettings(
                store.getInt(DTMF_LENGTH),
                store.getInt(DTMF_PAUSE),
                store.isSet(CURRENT_DISCONNECT),
                store.getInt(CURRENT_DISCONNECT_MS),
                store.isSet(POLARITY_REVERSAL),
                store.isSet(DISCONNECT_TONE_DETECTION) && !tone.isEmpty() ? Optional.of(ToneSpec.parse(tone)) : Optional.empty(),
                store.getInt(RING_TIMEOUT) * 1000));
    }

    public FxoPort port() {
        return port;
    }

    public boolean bridged() {
        return bridged;
    }

    /** Whether a VoIP call may take the line: one is plugged in, and no other call rings on it or holds it. */
    public boolean free() {
        return port.lineConnected() && port.hookState() == HookState.ON_HOOK && !bridged
                && !pstnRinging && voipCall == null;
    }

    /**
     * Seizes the line for a VoIP call through the FXO account: {@code fromNetwork} goes into the line,
     * the line's audio to {@code toNetwork}; {@code farEndGone} runs when the PSTN side hangs up.
     */
    public void connectVoip(AudioSource fromNetwork, Consumer<short[]> toNetwork, Runnable farEndGone) {
        voipCall = Objects.requireNonNull(farEndGone);
        port.downstream(toNetwork);
        port.play(fromNetwork);
        port.seize();
        changed.accept(this);
    }

    /** Dials into the seized line as DTMF (a number, or the VoIP caller's further keys). */
    public void dialPstn(String digits) {
        if (voipCall != null) {
            port.dial(digits);
        }
    }

    /** The VoIP side ended its call: the line is released. */
    public void endVoip() {
        if (voipCall == null) {
            return;
        }
        voipCall = null;
        port.downstream(frame -> { });
        port.play(AudioSource.SILENCE);
        port.release();
        changed.accept(this);
    }

    /**
     * The HT813's FXS phone takes the PSTN line (the PSTN access code, or a number of an {@code L:}
     * dial-plan rule): the two are bridged until either side hangs up, and {@code number}, when
     * given, is dialed into the line. Empty when the line is not free.
     */
    public Optional<LineCall> takeFor(FxsLine line, String number) {
        if (!free()) {
            return Optional.empty();
        }
        LineCall pstnCall = new LineCall() {
            @Override
            public void key(FxsLine pressed, char key) {
                if (bridged) {
                    port.dial(String.valueOf(key));
                }
            }

            @Override
            public void hungUp(FxsLine hungUp) {
                unbridge();
            }
        };
        // The phone's keys go into the line as fresh DTMF, not as the tones it played: the tail of
        // the access code's last key would otherwise reach the exchange as a digit.
        bridge(line, pstnCall, false);
        if (!number.isEmpty()) {
            scheduler.schedule(Duration.ofMillis(store.getIntOr(DIAL_DELAY_MS, 500)), () -> {
                if (bridged) {
                    port.dial(number);
                }
            });
        }
        return Optional.of(pstnCall);
    }

    public Optional<CallerId> lastCallerId() {
        return callerId;
    }

    @Override
    public void ring(int count) {
        if (!running.getAsBoolean()) {
            return;
        }
        pstnRinging = true;
        if (count == 1) {
            callerId = Optional.empty();
            if (store.isSet(RING_THROUGH)) {
                ringThrough = scheduler.schedule(Duration.ofSeconds(store.getInt(RING_THROUGH_DELAY)), this::ringPhone);
            }
        }
        if (count >= store.getIntOr(NUMBER_OF_RINGS, 4) && !bridged && voipCall == null) {
            Optional<Runnable> gateway = toVoip.get();
            if (gateway.isPresent()) {
                LOG.info("PSTN call unanswered after {} rings: to VoIP", count);
                cancelRingThrough();
                phone.stopRinging(ringingPhone);
                ringingPhone = LineCall.NONE;
                pstnRinging = false;
                gateway.get().run();
            }
        }
        changed.accept(this);
    }

    @Override
    public void callerId(CallerId received) {
        callerId = Optional.of(received);
        LOG.info("PSTN caller ID: {}", received);
    }

    @Override
    public void ringingStopped() {
        pstnRinging = false;
        cancelRingThrough();
        if (!bridged) {
            phone.stopRinging(ringingPhone);
        }
        ringingPhone = LineCall.NONE;
        changed.accept(this);
    }

    @Override
    public void farEndDisconnected(String how) {
        LOG.info("PSTN far end hung up ({})", how);
        if (voipCall != null) {
            Runnable gone = voipCall;
            endVoip();
            gone.run();
        }
        if (bridged) {
            unbridge();
            phone.farEndHungUp(bridgedCall);
        }
    }

    private void ringPhone() {
        ringThrough = null;
        CallerId caller = callerId.orElseGet(() -> CallerIds.of("", "", LocalDateTime.now(phone.wallClock())));
        LineCall ringing = new LineCall() {
            @Override
            public void answered(FxsLine line) {
                ringingPhone = LineCall.NONE;
                bridge(line, this, true);
            }

            @Override
            public void hungUp(FxsLine line) {
                unbridge();
            }
        };
        if (phone.ring(caller, ringing)) {
            ringingPhone = ringing;
        }
    }

    private void bridge(FxsLine line, LineCall bridgedCall, boolean keyTonesInAudio) {
        FrameBridge toPhone = new FrameBridge();
        FrameBridge toLine = new FrameBridge();
        port.downstream(toPhone::write);
        port.play(toLine);
        this.bridgedCall = bridgedCall;
        line.connectAudio(bridgedCall, toPhone, toLine::write, keyTonesInAudio);
        port.seize();
        bridged = true;
        changed.accept(this);
    }

    private void unbridge() {
        bridged = false;
        port.downstream(frame -> { });
        port.play(AudioSource.SILENCE);
        port.release();
        changed.accept(this);
    }

    private void cancelRingThrough() {
        if (ringThrough != null) {
            ringThrough.cancel();
            ringThrough = null;
        }
    }
}
