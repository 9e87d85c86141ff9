package dev.ataemu.sip.sdp;

import dev.ataemu.media.codec.Codec;
import java.util.Objects;

/**
 * A codec under an RTP payload type number: its static type, or a dynamic one (96 to 127) that the
 * account chose (iLBC, Opus, G.726 and AAL2 payload-type settings, MEDIA-05 to MEDIA-11).
 */
public record PayloadFormat(int payloadType, Codec codec) {

    public PayloadFormat {
        Objects.requireNonNull(codec);
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payload type " + payloadType + " outside 0 to 127");
        }
    }

    /** A codec under its RFC 3551 static payload type (MEDIA-04). */
    public static PayloadFormat of(Codec codec) {
        if (codec.staticPayloadType() < 0) {
            throw new IllegalArgumentException(codec.encodingName() + " has no static payload type");
        }
        return new PayloadFormat(codec.staticPayloadType(), codec);
    }

    public RtpMap rtpmap() {
        return RtpMap.of(payloadType, codec);
    }

    /** Comfort noise rides beside a voice codec; it is never the call's codec. */
    public boolean isComfortNoise() {
        return codec.encodingName().equalsIgnoreCase("CN");
    }
}
