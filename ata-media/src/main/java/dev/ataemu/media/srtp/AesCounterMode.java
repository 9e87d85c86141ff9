package dev.ataemu.media.srtp;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES in Segmented Integer Counter Mode (RFC 3711 section 4.1.1): the keystream is
 * E(k, IV), E(k, IV + 1), ... and is XORed over the data.
 *
 * <p>Built on one AES/ECB cipher that lives as long as the session key: the counter blocks are
 * written into a scratch buffer and encrypted in one call, so a packet costs no cipher
 * re-initialisation and no allocation once the buffers have grown to the largest packet seen.
 * Not thread-safe.
 */
final class AesCounterMode {

    static final int BLOCK = 16;

    private final Cipher aes;
    private byte[] counters = new byte[2048];
    private byte[] keystream = new byte[2048];

    AesCounterMode(byte[] key) {
        try {
            aes = Cipher.getInstance("AES/ECB/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks AES", e);
        }
    }

    /**
     * XORs the keystream that starts at counter block {@code iv} over {@code data[offset, offset+length)}.
     * The block counter is added to the low 16 bits only, as RFC 3711 does: an SRTP packet never
     * needs more than 2^16 blocks.
     */
    void apply(byte[] iv, byte[] data, int offset, int length) {
        int blocks = (length + BLOCK - 1) / BLOCK;
        int bytes = blocks * BLOCK;
        if (counters.length < bytes) {
            counters = new byte[bytes];
            keystream = new byte[bytes];
        }
        int low = ((iv[14] & 0xFF) << 8) | (iv[15] & 0xFF);
        for (int j = 0; j < blocks; j++) {
            int at = j * BLOCK;
            System.arraycopy(iv, 0, counters, at, 14);
            int counter = low + j;
            // A carry out of the low 16 bits moves into byte 13, as an integer counter would.
            counters[at + 13] = (byte) (iv[13] + (counter >>> 16));
            counters[at + 14] = (byte) (counter >>> 8);
            counters[at + 15] = (byte) counter;
        }
        try {
            aes.doFinal(counters, 0, bytes, keystream, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        for (int i = 0; i < length; i++) {
            data[offset + i] ^= keystream[i];
        }
    }
}
