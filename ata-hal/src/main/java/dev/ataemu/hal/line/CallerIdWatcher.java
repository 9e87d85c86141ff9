package dev.ataemu.hal.line;

import dev.ataemu.media.callerid.CallerId;
import dev.ataemu.media.callerid.CallerIdReceiver;
import dev.ataemu.media.callerid.CasDetector;
import dev.ataemu.media.dtmf.DtmfDetector;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a caller-ID telephone (or the HT813's FXO port) does with the audio on its line: on hook it
 * decodes FSK and DTMF caller ID and visual message waiting; off hook it listens for the
 * call-waiting alert (CAS), acknowledges it with DTMF D, and decodes the caller ID that follows.
 */
public final class CallerIdWatcher {

    /** How long the acknowledgement digit lasts (GR-30: 55-65 ms). */
    public static final int ACK_MS = 65;

    private final CallerIdReceiver receiver;
    private final DtmfDetector dtmf;
    private final CasDetector cas;
    private final Listener listener;
    private volatile Optional<DisplayedCallerId> shown = Optional.empty();
    private volatile boolean lamp;
    private boolean offHook;
    private boolean awaitingCallWaitingData;

    public CallerIdWatcher(Consumer<Character> acknowledge, Listener listener) {
        this.listener = listener;
        this.receiver = new CallerIdReceiver(new CallerIdReceiver.Listener() {
            @Override
            public void callerId(CallerId callerId) {
                DisplayedCallerId display = new DisplayedCallerId(callerId, offHook);
                awaitingCallWaitingData = false;
                shown = Optional.of(display);
                listener.callerId(display);
            }

            @Override
            public void messageWaiting(boolean waiting) {
                lamp(waiting);
            }
        });
        this.dtmf = new DtmfDetector(digit -> receiver.dtmfDigit(digit.symbol()));
        this.cas = new CasDetector(() -> {
            awaitingCallWaitingData = true;
            receiver.reset();
            acknowledge.accept('D');
        });
    }

    /** Feeds the next frame of line audio; {@code nowOffHook} says where the hook switch is. */
    public void listen(short[] frame, boolean nowOffHook) {
        if (nowOffHook != offHook) {
            offHook = nowOffHook;
            awaitingCallWaitingData = false;
            receiver.reset();
        }
        if (!offHook) {
            receiver.process(frame);
            dtmf.process(frame);
            return;
        }
        cas.process(frame);
        if (awaitingCallWaitingData) {
            receiver.process(frame);
        }
    }

    public Optional<DisplayedCallerId> shown() {
        return shown;
    }

    public boolean lamp() {
        return lamp;
    }

    public void lamp(boolean on) {
        if (lamp != on) {
            lamp = on;
            listener.messageWaiting(on);
        }
    }

    /** What the watcher reports. */
    public interface Listener {
        default void callerId(DisplayedCallerId shown) {
        }

        default void messageWaiting(boolean on) {
        }
    }
}
