package dev.ataemu.core.media;

import dev.ataemu.media.jitter.JitterBufferLength;
import dev.ataemu.media.jitter.JitterBufferType;
import java.util.List;

/**
 * A port's media settings as plain values, read from its P-values, for the SDP and RTP layers.
 *
 * @param vocoders        the preferred vocoder codes in order (0 PCMU, 8 PCMA, 9 G.722, 2 G.726-32, 18 G.729,
 *                        4 G.723, 97/98 iLBC, 123 Opus, ...), duplicates removed
 * @param framesPerTx     voice frames per packet (P37): 10 ms frames for G.711, G.722 and G.726
 * @param rtpBasePort     local RTP port of channel 0; channel n uses base + 2n, RTCP one above
 * @param dtmfMethods     the methods for keys pressed in a call, in the account's priority order, duplicates removed
 * @param sendFlashEvent  whether a hook flash in a call goes to the far end as an event (P74)
 * @param rfc2543Hold     whether hold is offered with {@code c=0.0.0.0} (RFC 2543) rather than by direction alone
 */
public record MediaSettings(
        List<Integer> vocoders,
        int framesPerTx,
        int rtpBasePort,
        boolean randomPorts,
        boolean symmetricRtp,
        boolean rtcp,
        int dtmfPayloadType,
        JitterBufferType jitterType,
        JitterBufferLength jitterLength,
        SrtpMode srtp,
        boolean cryptoLifetime,
        boolean vad,
        int eventsCount,
        int endEventsCount,
        boolean continuousEvents,
        int ilbcPayloadType,
        int ilbcFrameMs,
        int opusPayloadType,
        List<DtmfMethod> dtmfMethods,
        boolean sendFlashEvent,
        boolean rfc2543Hold) {

    public MediaSettings {
        vocoders = List.copyOf(vocoders);
        dtmfMethods = List.copyOf(dtmfMethods);
    }

    /** The same settings offering only these vocoders (a per-call codec, *02). */
    public MediaSettings withVocoders(List<Integer> only) {
        return new MediaSettings(only, framesPerTx, rtpBasePort, randomPorts, symmetricRtp, rtcp, dtmfPayloadType,
                jitterType, jitterLength, srtp, cryptoLifetime, vad, eventsCount, endEventsCount, continuousEvents,
                ilbcPayloadType, ilbcFrameMs, opusPayloadType, dtmfMethods, sendFlashEvent, rfc2543Hold);
    }

    /**
     * The same settings for a fax carried as audio (pass-through, CALL-39): G.711 alone, in this
     * port's order, without silence suppression and behind a fixed jitter buffer, as a modem needs.
     */
    public MediaSettings forFax() {
        List<Integer> g711 = vocoders.stream().filter(code -> code == 0 || code == 8).toList();
        return new MediaSettings(g711.isEmpty() ? List.of(0, 8) : g711, framesPerTx, rtpBasePort, randomPorts,
                symmetricRtp, rtcp, dtmfPayloadType, JitterBufferType.FIXED, jitterLength, srtp, cryptoLifetime, false,
                eventsCount, endEventsCount, continuousEvents, ilbcPayloadType, ilbcFrameMs, opusPayloadType, dtmfMethods,
                sendFlashEvent, rfc2543Hold);
    }

    /** Whether SRTP is off, offered, or required (P183 / P443). */
    public enum SrtpMode {
        DISABLED,
        ENABLED_NOT_FORCED,
        ENABLED_AND_FORCED
    }

    /** The local RTP port of a call channel (MEDIA-12): channel 0 base, channel 1 base + 2. */
    public int rtpPort(int channel) {
        if (channel < 0 || channel > 1) {
            throw new IllegalArgumentException("an account has channels 0 and 1, not " + channel);
        }
        return rtpBasePort + 2 * channel;
    }

    /** The packet time of a codec whose frames are 10 ms long. */
    public int packetMs() {
        return framesPerTx * 10;
    }
}
