package dev.ataemu.hal.sim;

import dev.ataemu.hal.fxs.FxsEvents;
import dev.ataemu.hal.fxs.FxsPort;
import dev.ataemu.hal.fxs.Telephone;
import dev.ataemu.hal.line.CallerIdLineSignals;
import dev.ataemu.hal.line.CallerIds;
import dev.ataemu.hal.port.HookState;
import dev.ataemu.media.audio.AudioSource;
import dev.ataemu.media.callerid.CallerId;
import dev.ataemu.media.tone.ToneGenerator;
import dev.ataemu.media.tone.ToneSpec;
import dev.ataemu.time.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A simulated telephone exchange serving one subscriber line: the line behind the HT813's FXO
 * port (or, through the life-line relay, the phone itself). It rings the line with caller ID, gives
 * dial tone, collects the digits dialed into it, connects the subscriber to a simulated party
 * (a tone, a recording, an echo, live audio) and hangs up the way a real exchange signals it.
 */
public final class VirtualCentralOffice implements FxsEvents {

    /** North American exchange tones. */
    static final ToneSpec DIAL_TONE = ToneSpec.parse("f1=350@-13,f2=440@-13,c=0/0;");
    static final ToneSpec BUSY_TONE = ToneSpec.parse("f1=480@-24,f2=620@-24,c=500/500;");
    static final List<ToneSpec.CadenceStep> RING_CADENCE = List.of(new ToneSpec.CadenceStep(2000, 4000));
    private static final CallerIdLineSignals BELLCORE = new CallerIdLineSignals(0, 0, 0);
    private static final Duration DIALING_DONE = Duration.ofSeconds(4);
    private static final Duration CURRENT_DISCONNECT = Duration.ofMillis(800);

    /** Where the line is in a call, as the emulator API reports it. */
    public enum State { IDLE, RINGING, DIAL_TONE, DIALING, CONNECTED, FAR_END_GONE }

    /** How the exchange tells the subscriber that the far end hung up. */
    public enum Disconnect { CURRENT_DISCONNECT, POLARITY_REVERSAL, DISCONNECT_TONE }

    private final Scheduler scheduler;
    private final FxsPort lineCard;
    private final EchoingParty echo = new EchoingParty();
    private final Earpiece partyEar = new Earpiece();
    private final List<Consumer<VirtualCentralOffice>> listeners = new CopyOnWriteArrayList<>();
    private final StringBuilder dialed = new StringBuilder();
    private volatile State state = State.IDLE;
    private AudioSource party = AudioSource.SILENCE;
    private boolean echoParty;
    private Disconnect disconnect = Disconnect.CURRENT_DISCONNECT;
    private Scheduler.Timer dialingDone;
    private volatile String lastDialed = "";

    public VirtualCentralOffice(Scheduler scheduler) {
        this.scheduler = scheduler;
        this.lineCard = new FxsPort(0, scheduler, this);
        lineCard.upstream(frame -> {
            echo.heard(frame);
            if (state == State.CONNECTED) {
                partyEar.hear(frame);
            }
        });
    }

    /** What the simulated party heard of the subscriber while connected (the last 60 s). */
    public Earpiece partyEar() {
        return partyEar;
    }

    /** Connects the subscriber end of the line: the FXO port, or a phone through the life-line relay. */
    public void connect(Telephone subscriber) {
        lineCard.plug(subscriber);
    }

    public State state() {
        return state;
    }

    /** The digits the subscriber dialed into the exchange for the current (or the last) call. */
    public String dialed() {
        return state == State.DIALING || state == State.CONNECTED ? dialed.toString() : lastDialed;
    }

    public void onChange(Consumer<VirtualCentralOffice> listener) {
        listeners.add(listener);
    }

    /** The simulated party's audio: what the subscriber hears once connected. */
    public void partyAudio(AudioSource source) {
        Objects.requireNonNull(source);
        scheduler.execute(() -> {
            echoParty = false;
            party = source;
            if (state == State.CONNECTED) {
                lineCard.play(party);
            }
        });
    }

    /** The party repeats what the subscriber says. */
    public void echoParty() {
        scheduler.execute(() -> {
            echoParty = true;
            if (state == State.CONNECTED) {
                lineCard.play(echo);
            }
        });
    }

    public void disconnectSignal(Disconnect how) {
        disconnect = Objects.requireNonNull(how);
    }

    /** An incoming PSTN call: rings the line with Bellcore caller ID; false when the line is busy. */
    public boolean ring(String number, String name) {
        if (state != State.IDLE || lineCard.hookState() == HookState.OFF_HOOK) {
            return false;
        }
        Clock clock = scheduler.clock();
        CallerId callerId = CallerIds.of(number, name, LocalDateTime.now(clock));
        scheduler.execute(() -> {
            lineCard.ring(RING_CADENCE, BELLCORE.onHook(callerId));
            enter(State.RINGING);
        });
        return true;
    }

    /** The far party hangs up (or, while ringing, the caller gives up). */
    public void hangUp() {
        scheduler.execute(() -> {
            switch (state) {
                case RINGING -> {
                    lineCard.stopRinging();
                    enter(State.IDLE);
                }
                case CONNECTED, DIALING, DIAL_TONE -> farEndGone();
                default -> { }
            }
        });
    }

    @Override
    public void offHook() {
        if (state == State.RINGING) {
            lineCard.stopRinging();
            connectParty();
            return;
        }
        dialed.setLength(0);
        lineCard.play(new ToneGenerator(DIAL_TONE));
        lineCard.holdKeys(false);
        enter(State.DIAL_TONE);
    }

    @Override
    public void onHook() {
        cancelDialing();
        lineCard.play(AudioSource.SILENCE);
        lineCard.holdKeys(true);
        lastDialed = dialed.toString();
        enter(State.IDLE);
    }

    @Override
    public void digit(char key) {
        if (state == State.DIAL_TONE) {
            lineCard.play(AudioSource.SILENCE);
            enter(State.DIALING);
        }
        if (state != State.DIALING) {
            return;
        }
        dialed.append(key);
        cancelDialing();
        dialingDone = scheduler.schedule(DIALING_DONE, this::connectParty);
        notifyListeners();
    }

    private void connectParty() {
        cancelDialing();
        lineCard.play(echoParty ? echo : party);
        enter(State.CONNECTED);
    }

    private void farEndGone() {
        cancelDialing();
        enter(State.FAR_END_GONE);
        switch (disconnect) {
            case CURRENT_DISCONNECT -> {
                lineCard.play(AudioSource.SILENCE);
                lineCard.disconnectLoop((int) CURRENT_DISCONNECT.toMillis());
            }
            case POLARITY_REVERSAL -> {
                lineCard.play(AudioSource.SILENCE);
                lineCard.reversePolarity(true);
                scheduler.schedule(CURRENT_DISCONNECT, () -> lineCard.reversePolarity(false));
            }
            case DISCONNECT_TONE -> lineCard.play(new ToneGenerator(BUSY_TONE));
        }
    }

    private void cancelDialing() {
        if (dialingDone != null) {
            dialingDone.cancel();
            dialingDone = null;
        }
    }

    private void enter(State next) {
        state = next;
        notifyListeners();
    }

    private void notifyListeners() {
        listeners.forEach(listener -> listener.accept(this));
    }
}
