package dev.ataemu.sip.sdp;

/** An answer that does not fit the offer we sent (RFC 3264 section 6): the call cannot use it. */
public final class SdpNegotiationException extends Exception {

    private static final long serialVersionUID = 1L;

    public SdpNegotiationException(String message) {
        super(message);
    }
}
