package dev.ataemu.media.srtp;

/**
 * Thrown when protecting would exceed the master key's lifetime or run out of packet indices
 * (RFC 3711 section 9.2): the call must re-key, by a re-INVITE with a new {@code a=crypto}.
 */
public final class KeyExhaustedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    KeyExhaustedException(String message) {
        super(message);
    }
}
