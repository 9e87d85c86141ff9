package dev.ataemu.media.srtp;

/**
 * A master key identifier (RFC 3711 section 3.1, RFC 4568 {@code mki-value:mki-length}): the value
 * is sent big-endian in {@code length} bytes between the encrypted portion and the tag.
 * Only lengths up to four bytes are supported; RFC 4568 allows 128 but nobody needs them for one key.
 */
public record Mki(long value, int length) {

    public static final int MAX_LENGTH = 4;

    public Mki {
        if (length < 1 || length > MAX_LENGTH) {
            throw new IllegalArgumentException("MKI length " + length + " not supported (1 to " + MAX_LENGTH + " bytes)");
        }
        if (value < 0 || value >= 1L << (8 * length)) {
            throw new IllegalArgumentException("MKI value " + value + " does not fit in " + length + " bytes");
        }
    }

    void write(byte[] target, int offset) {
        for (int i = 0; i < length; i++) {
            target[offset + i] = (byte) (value >>> (8 * (length - 1 - i)));
        }
    }

    boolean matches(byte[] source, int offset) {
        long found = 0;
        for (int i = 0; i < length; i++) {
            found = (found << 8) | (source[offset + i] & 0xFF);
        }
        return found == value;
    }
}
