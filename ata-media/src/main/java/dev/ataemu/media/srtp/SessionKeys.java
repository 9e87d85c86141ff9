package dev.ataemu.media.srtp;

import java.util.Arrays;

/**
 * The session keys of one master key (RFC 3711 section 4.3): the AES-CM PRF with the master key,
 * input block (master salt XOR label * 2^48) * 2^16. The key derivation rate is 0, so the keys are
 * derived once and {@code index DIV kdr} is zero.
 */
record SessionKeys(byte[] encryptionKey, byte[] authenticationKey, byte[] salt) {

    static final int LABEL_RTP_ENCRYPTION = 0x00;
    static final int LABEL_RTP_AUTHENTICATION = 0x01;
    static final int LABEL_RTP_SALT = 0x02;
    static final int LABEL_RTCP_ENCRYPTION = 0x03;
    static final int LABEL_RTCP_AUTHENTICATION = 0x04;
    static final int LABEL_RTCP_SALT = 0x05;

    static SessionKeys forRtp(MasterKey master) {
        return derive(master, LABEL_RTP_ENCRYPTION, LABEL_RTP_AUTHENTICATION, LABEL_RTP_SALT);
    }

    static SessionKeys forRtcp(MasterKey master) {
        return derive(master, LABEL_RTCP_ENCRYPTION, LABEL_RTCP_AUTHENTICATION, LABEL_RTCP_SALT);
    }

    private static SessionKeys derive(MasterKey master, int encryption, int authentication, int salt) {
        AesCounterMode prf = new AesCounterMode(master.keyRef());
        return new SessionKeys(
                prf(prf, master.saltRef(), encryption, SrtpCryptoSuite.MASTER_KEY_LENGTH),
                prf(prf, master.saltRef(), authentication, SrtpCryptoSuite.SESSION_AUTH_KEY_LENGTH),
                prf(prf, master.saltRef(), salt, SrtpCryptoSuite.MASTER_SALT_LENGTH));
    }

    /** The first {@code length} bytes of PRF_n(k_master, x) for one label. */
    static byte[] prf(AesCounterMode prf, byte[] masterSalt, int label, int length) {
        byte[] iv = new byte[AesCounterMode.BLOCK];
        System.arraycopy(masterSalt, 0, iv, 0, masterSalt.length);
        // The label sits just above the 48-bit (index DIV kdr) in the 112-bit value x.
        iv[7] ^= (byte) label;
        byte[] out = new byte[length];
        prf.apply(iv, out, 0, length);
        return out;
    }

    void erase() {
        Arrays.fill(encryptionKey, (byte) 0);
        Arrays.fill(authenticationKey, (byte) 0);
        Arrays.fill(salt, (byte) 0);
    }
}
