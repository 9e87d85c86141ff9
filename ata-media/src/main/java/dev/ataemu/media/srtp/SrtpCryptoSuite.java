package dev.ataemu.media.srtp;

import java.util.Optional;

/**
 * The SRTP crypto suites of RFC 4568 section 6.2 that the ATA speaks: AES in counter mode with a
 * 128-bit key and HMAC-SHA1, the RTP tag truncated to 80 or 32 bits. SRTCP always carries an
 * 80-bit tag (RFC 4568 6.2.2: the _32 suite shortens the SRTP tag only).
 */
public enum SrtpCryptoSuite {
    AES_CM_128_HMAC_SHA1_80(10),
    AES_CM_128_HMAC_SHA1_32(4);

    /** Master key length in bytes (n_e = 128 bits). */
    public static final int MASTER_KEY_LENGTH = 16;
    /** Master salt length in bytes (n_s = 112 bits). */
    public static final int MASTER_SALT_LENGTH = 14;
    /** Session authentication key length in bytes (n_a = 160 bits). */
    public static final int SESSION_AUTH_KEY_LENGTH = 20;
    /** SRTCP authentication tag length in bytes for both suites. */
    public static final int RTCP_TAG_LENGTH = 10;
    /** Upper bound of a master key's lifetime for SRTP packets (RFC 3711 section 9.2). */
    public static final long MAX_SRTP_PACKETS = 1L << 48;
    /** Upper bound for SRTCP packets: the SRTCP index has 31 bits. */
    public static final long MAX_SRTCP_PACKETS = 1L << 31;

    private final int rtpTagLength;

    SrtpCryptoSuite(int rtpTagLength) {
        this.rtpTagLength = rtpTagLength;
    }

    /** The name as written in the SDP {@code a=crypto} attribute. */
    public String sdesName() {
        return name();
    }

    public int masterKeyLength() {
        return MASTER_KEY_LENGTH;
    }

    public int masterSaltLength() {
        return MASTER_SALT_LENGTH;
    }

    /** Bytes of key and salt together, as the base64 {@code inline:} value carries them. */
    public int keyAndSaltLength() {
        return MASTER_KEY_LENGTH + MASTER_SALT_LENGTH;
    }

    /** SRTP authentication tag length in bytes: 10 or 4. */
    public int rtpTagLength() {
        return rtpTagLength;
    }

    public int rtcpTagLength() {
        return RTCP_TAG_LENGTH;
    }

    public static Optional<SrtpCryptoSuite> forSdesName(String name) {
        for (SrtpCryptoSuite suite : values()) {
            if (suite.name().equals(name)) {
                return Optional.of(suite);
            }
        }
        return Optional.empty();
    }
}
