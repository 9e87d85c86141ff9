package dev.ataemu.media.srtp;

import static dev.ataemu.media.srtp.Hex.bytes;
import static dev.ataemu.media.srtp.Hex.hex;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("MEDIA-24 / SEC-02: RFC 3711 Appendix B test vectors")
class Rfc3711VectorsTest {

    private static final byte[] MASTER_KEY = bytes("E1F97A0D3E018BE0D64FA32C06DE4139");
    private static final byte[] MASTER_SALT = bytes("0EC675AD498AFEEBB6960B3AABE6");

    @Test
    @DisplayName("B.2: the AES-CM keystream for session key 2B7E..., salt F0F1...FCFD, SSRC 0, index 0")
    void aesCounterModeKeystream() {
        byte[] iv = new byte[16];
        SrtpContext.counterIv(bytes("F0F1F2F3F4F5F6F7F8F9FAFBFCFD"), 0, 0, iv);
        assertThat(hex(iv, 0, 16)).isEqualTo("F0F1F2F3F4F5F6F7F8F9FAFBFCFD0000");

        byte[] keystream = new byte[1044512];
        new AesCounterMode(bytes("2B7E151628AED2A6ABF7158809CF4F3C")).apply(iv, keystream, 0, keystream.length);

        assertThat(hex(keystream, 0, 48)).isEqualTo(
                "E03EAD0935C95E80E166B16DD92B4EB4" + "D23513162B02D0F72A43A2FE4A5F97AB" + "41E95B3BB0A2E8DD477901E4FCA894C0");
        assertThat(hex(keystream, keystream.length - 48, keystream.length)).isEqualTo(
                "EC8CDF7398607CB0F2D21675EA9EA1E4" + "362B7C3C6773516318A077D7FC5073AE" + "6A2CC3787889374FBEB4C81B17BA6C44");
    }

    @Test
    @DisplayName("B.3: cipher key, cipher salt and the 94-byte auth key stream from the master key and salt")
    void keyDerivation() {
        AesCounterMode prf = new AesCounterMode(MASTER_KEY);

        assertThat(hex(SessionKeys.prf(prf, MASTER_SALT, SessionKeys.LABEL_RTP_ENCRYPTION, 16), 0, 16))
                .isEqualTo("C61E7A93744F39EE10734AFE3FF7A087");
        assertThat(hex(SessionKeys.prf(prf, MASTER_SALT, SessionKeys.LABEL_RTP_SALT, 14), 0, 14))
                .isEqualTo("30CBBC08863D8C85D49DB34A9AE1");
        assertThat(hex(SessionKeys.prf(prf, MASTER_SALT, SessionKeys.LABEL_RTP_AUTHENTICATION, 94), 0, 94)).isEqualTo(
                "CEBE321F6FF7716B6FD4AB49AF256A15" + "6D38BAA48F0A0ACF3C34E2359E6CDBCE" + "E049646C43D9327AD175578EF7227098"
                        + "6371C10C9A369AC2F94A8C5FBCDDDC25" + "6D6E919A48B610EF17C2041E47403576" + "6B68642C59BBFC2F34DB60DBDFB2");
    }

    @Test
    @DisplayName("B.3: the session keys an SRTP context uses are the RFC's, the auth key cut to 160 bits")
    void sessionKeysForRtp() {
        SessionKeys keys = SessionKeys.forRtp(new MasterKey(MASTER_KEY, MASTER_SALT));

        assertThat(hex(keys.encryptionKey(), 0, 16)).isEqualTo("C61E7A93744F39EE10734AFE3FF7A087");
        assertThat(hex(keys.salt(), 0, 14)).isEqualTo("30CBBC08863D8C85D49DB34A9AE1");
        assertThat(hex(keys.authenticationKey(), 0, 20)).isEqualTo("CEBE321F6FF7716B6FD4AB49AF256A156D38BAA4");
    }

    @Test
    @DisplayName("SRTCP keys come from labels 3 to 5 and differ from the SRTP ones")
    void sessionKeysForRtcpUseTheirOwnLabels() {
        MasterKey master = new MasterKey(MASTER_KEY, MASTER_SALT);
        SessionKeys rtcp = SessionKeys.forRtcp(master);
        AesCounterMode prf = new AesCounterMode(MASTER_KEY);

        assertThat(rtcp.encryptionKey()).isEqualTo(SessionKeys.prf(prf, MASTER_SALT, 3, 16))
                .isNotEqualTo(SessionKeys.forRtp(master).encryptionKey());
        assertThat(rtcp.authenticationKey()).isEqualTo(SessionKeys.prf(prf, MASTER_SALT, 4, 20));
        assertThat(rtcp.salt()).isEqualTo(SessionKeys.prf(prf, MASTER_SALT, 5, 14));
    }
}
