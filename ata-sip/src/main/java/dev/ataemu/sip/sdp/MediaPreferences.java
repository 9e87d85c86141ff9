package dev.ataemu.sip.sdp;

import dev.ataemu.media.srtp.SrtpCryptoSuite;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What an account brings to the offer/answer exchange, as plain values that {@code ata-core} reads
 * from its P-values.
 *
 * @param formats                  the preferred vocoders in order, Choice 1 first (MEDIA-03)
 * @param telephoneEventType       the RFC 4733 payload type (P79, MEDIA-11), or -1 for none
 * @param dtmfNegotiationDisabled  "Disable DTMF negotiation" (P4825): events go out under our own
 *                                 type and the SDP does not mention them
 * @param ptimeMs                  voice frames per TX (P37) times 10 ms (MEDIA-29)
 * @param cryptoSuites             the SDES suites we offer and accept, preferred first
 * @param cryptoLifetime           "Crypto Life Time" (P2363): send the 2^31 key lifetime
 * @param rfc2543Hold              "RFC2543 Hold" (P26062): hold with {@code c=0.0.0.0}
 * @param singleMediaLine          "Disable multiple m-lines in SDP" (P137): answers end at the accepted m-line
 * @param firstMatchingVocoderOnly "Use first matching vocoder in 200 OK SDP" (P4363)
 */
public record MediaPreferences(List<PayloadFormat> formats, int telephoneEventType, boolean dtmfNegotiationDisabled,
        int ptimeMs, SrtpMode srtpMode, List<SrtpCryptoSuite> cryptoSuites, boolean cryptoLifetime,
        boolean rfc2543Hold, boolean singleMediaLine, boolean firstMatchingVocoderOnly) {

    public static final int DEFAULT_TELEPHONE_EVENT_TYPE = 101;
    /** RFC 4733 events 0-15, the DTMF digits and A-D. */
    public static final String TELEPHONE_EVENT_FMTP = "0-15";

    public MediaPreferences {
        formats = List.copyOf(formats);
        cryptoSuites = List.copyOf(cryptoSuites);
        if (formats.stream().allMatch(PayloadFormat::isComfortNoise)) {
            throw new IllegalArgumentException("no vocoder to offer");
        }
        Set<Integer> types = new HashSet<>();
        for (PayloadFormat format : formats) {
            if (!types.add(format.payloadType())) {
                throw new IllegalArgumentException("payload type " + format.payloadType() + " is used twice");
            }
        }
        if (telephoneEventType != -1 && (telephoneEventType < 96 || telephoneEventType > 127 || types.contains(telephoneEventType))) {
            throw new IllegalArgumentException("telephone-event payload type " + telephoneEventType
                    + " must be a free dynamic type (MEDIA-11)");
        }
        if (ptimeMs < 10 || ptimeMs > 200) {
            throw new IllegalArgumentException("packet time " + ptimeMs + " ms outside 10 to 200");
        }
        if (srtpMode != SrtpMode.DISABLED && cryptoSuites.isEmpty()) {
            throw new IllegalArgumentException("SRTP is enabled with no crypto suite");
        }
    }

    /** The factory defaults: events on 101, 20 ms, no SRTP, RFC 3261 hold, every match listed. */
    public static MediaPreferences of(List<PayloadFormat> formats) {
        return new MediaPreferences(formats, DEFAULT_TELEPHONE_EVENT_TYPE, false, 20, SrtpMode.DISABLED,
                List.of(SrtpCryptoSuite.AES_CM_128_HMAC_SHA1_80, SrtpCryptoSuite.AES_CM_128_HMAC_SHA1_32), true,
                false, false, false);
    }

    public MediaPreferences withTelephoneEvents(int type, boolean negotiationDisabled) {
        return new MediaPreferences(formats, type, negotiationDisabled, ptimeMs, srtpMode, cryptoSuites, cryptoLifetime,
                rfc2543Hold, singleMediaLine, firstMatchingVocoderOnly);
    }

    public MediaPreferences withPtime(int milliseconds) {
        return new MediaPreferences(formats, telephoneEventType, dtmfNegotiationDisabled, milliseconds, srtpMode,
                cryptoSuites, cryptoLifetime, rfc2543Hold, singleMediaLine, firstMatchingVocoderOnly);
    }

    public MediaPreferences withSrtp(SrtpMode mode, boolean lifetime) {
        return new MediaPreferences(formats, telephoneEventType, dtmfNegotiationDisabled, ptimeMs, mode, cryptoSuites,
                lifetime, rfc2543Hold, singleMediaLine, firstMatchingVocoderOnly);
    }

    public MediaPreferences withRfc2543Hold(boolean enabled) {
        return new MediaPreferences(formats, telephoneEventType, dtmfNegotiationDisabled, ptimeMs, srtpMode,
                cryptoSuites, cryptoLifetime, enabled, singleMediaLine, firstMatchingVocoderOnly);
    }

    public MediaPreferences withAnswerShape(boolean singleLine, boolean firstMatchOnly) {
        return new MediaPreferences(formats, telephoneEventType, dtmfNegotiationDisabled, ptimeMs, srtpMode,
                cryptoSuites, cryptoLifetime, rfc2543Hold, singleLine, firstMatchOnly);
    }

    /** Whether the SDP carries telephone-event at all. */
    boolean negotiatesEvents() {
        return telephoneEventType != -1 && !dtmfNegotiationDisabled;
    }
}
