package dev.ataemu.sip.sdp;

/**
 * A session description that cannot be read. The only exception {@link SessionDescription#parse}
 * throws, whatever the input, so a SIP user agent can answer a hostile body with a 400 or 488.
 */
public final class SdpParseException extends Exception {

    private static final long serialVersionUID = 1L;

    public SdpParseException(String message) {
        super(message);
    }
}
