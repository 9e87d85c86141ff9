package dev.ataemu.core.call;

import dev.ataemu.core.media.DtmfMethod;
import dev.ataemu.core.media.MediaSettings;
import dev.ataemu.media.dtmf.DtmfDigit;
import dev.ataemu.media.stream.MediaStream;
import dev.ataemu.sip.call.DtmfRelay;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the keys pressed during one call reach the far end: by the first of the account's methods in
 * priority order (P850-P852) that the call can use. RFC 2833 needs telephone-event in the SDP
 * answer; SIP INFO and in-audio always work. Out of band, the phone's own tone is kept out of the
 * audio (DTMF-06). Keys the far end relays come back as tones toward the phone.
 */
final class CallKeys {

    private static final Logger LOG = LoggerFactory.getLogger(CallKeys.class);
    /** The length of a relayed press: the detector reports a key when it starts, not how long it is held. */
    static final int PRESS_MS = 100;
    static final int FLASH_MS = 400;

    /** Where a SIP INFO key goes: the call's dialog. */
    interface InfoSender {
        void send(char key, int durationMs);
    }

    private final DtmfMethod method;
    private final boolean sendFlash;
    private final boolean eventsNegotiated;
    private final MediaStream stream;
    private final InfoSender info;

    private CallKeys(DtmfMethod method, boolean sendFlash, boolean eventsNegotiated, MediaStream stream, InfoSender info) {
        this.method = method;
        this.sendFlash = sendFlash;
        this.eventsNegotiated = eventsNegotiated;
        this.stream = stream;
        this.info = info;
    }

    static CallKeys of(MediaSettings settings, boolean eventsNegotiated, MediaStream stream, InfoSender info) {
        return new CallKeys(choose(settings.dtmfMethods(), eventsNegotiated), settings.sendFlashEvent(),
                eventsNegotiated, stream, info);
    }

    static DtmfMethod choose(List<DtmfMethod> order, boolean eventsNegotiated) {
        return order.stream().filter(m -> m != DtmfMethod.RFC2833 || eventsNegotiated).findFirst()
                .orElse(DtmfMethod.IN_AUDIO);
    }

    DtmfMethod method() {
        return method;
    }

    /** Whether the phone's key tones go to the far end in the voice audio. */
    boolean tonesInAudio() {
        return method == DtmfMethod.IN_AUDIO;
    }

    void pressed(char key) {
        switch (method) {
            case RFC2833 -> stream.sendDtmf(DtmfDigit.of(key), PRESS_MS);
            case SIP_INFO -> info.send(key, PRESS_MS);
            case IN_AUDIO -> { }
        }
    }

    /** A hook flash in the call: sent to the far end when P74 says so, as an event or else by SIP INFO. */
    void flashed() {
        if (!sendFlash) {
            LOG.debug("hook flash kept local (P74 off)");
            return;
        }
        if (eventsNegotiated) {
            stream.sendFlash(FLASH_MS);
        } else {
            info.send(DtmfRelay.FLASH, FLASH_MS);
        }
    }

    /** A key the far end relayed by SIP INFO: its tone plays to the phone. */
    void relayed(char key) {
        if (key != DtmfRelay.FLASH) {
            stream.playKey(DtmfDigit.of(key), PRESS_MS);
        }
    }
}
