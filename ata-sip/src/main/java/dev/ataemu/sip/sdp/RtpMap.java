package dev.ataemu.sip.sdp;

import dev.ataemu.media.codec.Codec;
import java.util.Locale;
import java.util.Optional;

/** {@code a=rtpmap:<payload type> <encoding name>/<clock rate>[/<channels>]} (RFC 4566 section 6). */
public record RtpMap(int payloadType, String encodingName, int clockRate, int channels) {

    public static final String TELEPHONE_EVENT = "telephone-event";

    public static RtpMap of(int payloadType, Codec codec) {
        return new RtpMap(payloadType, codec.encodingName(), codec.clockRate(), codec.channels());
    }

    /** Reads an rtpmap attribute value; empty when it is malformed, as peers' typos should not end calls. */
    public static Optional<RtpMap> parse(String value) {
        int space = value.indexOf(' ');
        if (space < 0) {
            return Optional.empty();
        }
        long payloadType = SdpText.digits(value.substring(0, space), 3);
        String[] encoding = value.substring(space + 1).strip().split("/", -1);
        if (payloadType < 0 || payloadType > 127 || encoding.length < 2 || encoding.length > 3 || encoding[0].isEmpty()) {
            return Optional.empty();
        }
        long clockRate = SdpText.digits(encoding[1], 7);
        long channels = encoding.length == 3 ? SdpText.digits(encoding[2], 3) : 1;
        if (clockRate < 1 || channels < 1) {
            return Optional.empty();
        }
        return Optional.of(new RtpMap((int) payloadType, encoding[0], (int) clockRate, (int) channels));
    }

    /** Same codec: names in any letter case (RFC 4855 section 3), same clock rate and channels. */
    public boolean describes(Codec codec) {
        return encodingName.equalsIgnoreCase(codec.encodingName()) && clockRate == codec.clockRate()
                && channels == codec.channels();
    }

    public boolean isTelephoneEvent() {
        return encodingName.toLowerCase(Locale.ROOT).equals(TELEPHONE_EVENT);
    }

    /** The attribute value; channels are written only when not 1, as RFC 4566 allows. */
    public String value() {
        return payloadType + " " + encodingName + "/" + clockRate + (channels == 1 ? "" : "/" + channels);
    }
}
