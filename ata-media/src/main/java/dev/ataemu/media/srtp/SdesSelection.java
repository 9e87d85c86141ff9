package dev.ataemu.media.srtp;

/**
 * The outcome of an SDES offer/answer for one media stream: our line, whose key protects what we
 * send, and the peer's line, whose key protects what we receive.
 */
public record SdesSelection(SdesCrypto local, SdesCrypto remote) {

    /** A fresh context for the packets we send. */
    public SrtpContext outbound() {
        return SrtpContext.of(local);
    }

    /** A fresh context for the packets we receive. */
    public SrtpContext inbound() {
        return SrtpContext.of(remote);
    }
}
