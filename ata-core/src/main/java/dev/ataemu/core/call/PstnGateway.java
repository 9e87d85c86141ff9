package dev.ataemu.core.call;

import dev.ataemu.core.config.ParameterStore;
import dev.ataemu.core.line.FxoLine;
import dev.ataemu.media.stream.MediaStream;
import dev.ataemu.media.tone.ToneGenerator;
import dev.ataemu.media.tone.ToneSpec;
import dev.ataemu.sip.call.DtmfRelay;
import dev.ataemu.time.Scheduler;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One answered VoIP-to-PSTN call on the HT813's FXO account (FXO-06 to FXO-12, FXO-19): with a PIN
 * (P794) the caller hears the prompt tone (P4041) and keys the PIN, ended by {@code #} or 4 s,
 * three tries within 10 s; then, or at once without a PIN, the line is seized and bridged, the
 * caller hears the exchange's dial tone, and every further key is dialed into the line. With
 * one-stage dialing (P3304) the dialed number of the INVITE, or else the unconditional forward
 * number (P796), is dialed by itself after P3206 ms.
 */
final class PstnGateway {

    private static final Logger LOG = LoggerFactory.getLogger(PstnGateway.class);
    static final int PIN = 794;
    static final int FORWARD_TO_PSTN = 796;
    static final int STAGE_METHOD = 3304;
    static final int DIAL_DELAY_MS = 3206;
    static final int PROMPT_TONE = 4041;

    /** What the gateway needs of the SIP call. */
    interface Leg {
        void hangUp();
    }

    private enum Stage { PIN, CONNECTED, OVER }

    private final FxoLine line;
    private final ParameterStore store;
    private final Scheduler scheduler;
    private final MediaStream stream;
    private final Leg leg;
    private Stage stage;
    private PinEntry pinEntry;

    PstnGateway(FxoLine line, ParameterStore store, Scheduler scheduler, MediaStream stream, Leg leg) {
        this.line = line;
        this.store = store;
        this.scheduler = scheduler;
        this.stream = stream;
        this.leg = leg;
    }

    /** The call was answered; {@code dialedNumber} is the user part of its Request-URI. */
    void start(Optional<String> dialedNumber) {
        String pin = store.get(PIN);
        if (!pin.isEmpty()) {
            stage = Stage.PIN;
            stream.speak(new ToneGenerator(ToneSpec.parse(store.get(PROMPT_TONE))));
            pinEntry = new PinEntry(pin, scheduler, () -> {
                stream.stopSpeaking();
                connect(Optional.empty());
            }, this::hangUp);
            return;
        }
        connect(dialedNumber);
    }

    /** A key from the VoIP caller (telephone-event, SIP INFO or in the audio). */
    void key(char key) {
        if (key == DtmfRelay.FLASH) {
            return;
        }
        switch (stage) {
            case PIN -> pinEntry.key(key);
            case CONNECTED -> line.dialPstn(String.valueOf(key));
            default -> { }
        }
    }

    /** The VoIP caller hung up. */
    void callerGone() {
        if (stage != Stage.OVER) {
            stage = Stage.OVER;
            cancelTimers();
            line.endVoip();
        }
    }

    private void connect(Optional<String> dialedNumber) {
        if (!line.free()) {
            LOG.info("FXO: the PSTN line is taken; hanging up");
            hangUp();
            return;
        }
        stage = Stage.CONNECTED;
        line.connectVoip(stream.toLine(), stream.fromLine(), this::pstnGone);
        String number = store.getInt(STAGE_METHOD) == 1 ? dialedNumber.orElse("") : "";
        if (number.isEmpty()) {
            number = store.get(FORWARD_TO_PSTN);
        }
        if (!number.isEmpty()) {
            String digits = number;
            scheduler.schedule(Duration.ofMillis(store.getInt(DIAL_DELAY_MS)), () -> line.dialPstn(digits));
        }
    }

    private void pstnGone() {
        if (stage != Stage.OVER) {
            stage = Stage.OVER;
            cancelTimers();
            leg.hangUp();
        }
    }

    private void hangUp() {
        stage = Stage.OVER;
        cancelTimers();
        stream.stopSpeaking();
        line.endVoip();
        leg.hangUp();
    }

    private void cancelTimers() {
        if (pinEntry != null) {
            pinEntry.cancel();
        }
    }
}
