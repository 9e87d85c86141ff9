package dev.ataemu.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("MEDIA-24 / PLAT-93 / PLAT-94: SDES crypto attributes (RFC 4568)")
class SdesCryptoTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** RFC 4568 section 4's example key and salt. */
    private static final String INLINE = "PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR";

    @Test
    @DisplayName("reads the RFC 4568 example with lifetime and MKI, and writes it back the same")
    void parsesAndFormatsTheRfcExample() {
        String line = "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + INLINE + "|2^20|1:4";

        SdesCrypto crypto = SdesCrypto.parse(line);

        assertThat(crypto.tag()).isEqualTo(1);
        assertThat(crypto.suite()).isEqualTo(SrtpCryptoSuite.AES_CM_128_HMAC_SHA1_80);
        assertThat(crypto.masterKey().lifetime()).hasValue(1L << 20);
        assertThat(crypto.masterKey().mki()).contains(new Mki(1, 4));
        byte[] keyAndSalt = Base64.getDecoder().decode(INLINE);
        assertThat(crypto.masterKey().key()).isEqualTo(java.util.Arrays.copyOf(keyAndSalt, 16));
        assertThat(crypto.masterKey().salt()).isEqualTo(java.util.Arrays.copyOfRange(keyAndSalt, 16, 30));
        assertThat(crypto.format()).isEqualTo(line);
        assertThat(crypto.toString()).doesNotContain(INLINE);
    }

    @Test
    @DisplayName("reads a line without a=, with a decimal lifetime, tabs and harmless session parameters")
    void parsesVariants() {
        SdesCrypto crypto = SdesCrypto.parse("crypto:42\tAES_CM_128_HMAC_SHA1_32  inline:" + INLINE + "|1000 WSH=64 -FOO=1");

        assertThat(crypto.tag()).isEqualTo(42);
        assertThat(crypto.suite().rtpTagLength()).isEqualTo(4);
        assertThat(crypto.masterKey().lifetime()).hasValue(1000);
        assertThat(crypto.masterKey().mki()).isEmpty();
        assertThat(crypto.sessionParameters()).containsExactly("WSH=64", "-FOO=1");
        assertThat(crypto.attributeValue()).isEqualTo("42 AES_CM_128_HMAC_SHA1_32 inline:" + INLINE + "|1000 WSH=64 -FOO=1");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', value = {
        "a=rtpmap:0 PCMU/8000# not a crypto attribute",
        "a=crypto:1 AES_CM_128_HMAC_SHA1_80# needs a tag, a suite and key parameters",
        "a=crypto:x AES_CM_128_HMAC_SHA1_80 inline:" + INLINE + "# crypto tag is not 1 to 9 digits",
        "a=crypto:1234567890 AES_CM_128_HMAC_SHA1_80 inline:" + INLINE + "# crypto tag is not 1 to 9 digits",
        "a=crypto:1 F8_128_HMAC_SHA1_80 inline:" + INLINE + "# unknown crypto suite F8_128_HMAC_SHA1_80",
        "a=crypto:1 AES_256_CM_HMAC_SHA1_80 inline:" + INLINE + "# unknown crypto suite",
        "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0m!XtxaVBR# not base64",
        "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0m# needs 30 bytes of key and salt, found 24",
        "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + INLINE + "AAAA# found 33",
        "a=crypto:1 AES_CM_128_HMAC_SHA1_80 key:" + INLINE + "# key method is not inline",
        "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + INLINE + "|2^20|1:4;inline:" + INLINE + "|2^20|2:4# more than one master key",
        "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + INLINE + "|2^20|1:5# MKI length 5 not supported",
        "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + INLINE + "|1:200# MKI length 200 outside 1 to 128",
        "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + INLINE + "|300:1# does not fit in 1 bytes",
        "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + INLINE + "|2^49# exceeds the SRTP maximum of 2^48 packets",
        "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + INLINE + "|2^x# malformed lifetime",
        "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + INLINE + "|0# lifetime of zero packets",
        "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + INLINE + "|1:4|2^20# the MKI must come after the lifetime",
        "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + INLINE + " KDR=10# key derivation rate KDR=10 not supported",
        "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + INLINE + " UNENCRYPTED_SRTP# UNENCRYPTED_SRTP not supported",
        "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + INLINE + " FOO=1# unknown session parameter FOO=1",
    })
    @DisplayName("refuses malformed and unsupported lines with a reason")
    void refusesMalformedLines(String line, String reason) {
        assertThatThrownBy(() -> SdesCrypto.parse(line)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(reason);
    }

    @Test
    @DisplayName("an offer carries a fresh random key per line, and the lifetime only when Crypto Life Time is on")
    void offer() {
        List<SdesCrypto> offer = SdesCrypto.offer(List.of(SrtpCryptoSuite.AES_CM_128_HMAC_SHA1_80, SrtpCryptoSuite.AES_CM_128_HMAC_SHA1_32),
                true, RANDOM);

        assertThat(offer).extracting(SdesCrypto::tag).containsExactly(1, 2);
        assertThat(offer.get(0).masterKey().key()).isNotEqualTo(offer.get(1).masterKey().key());
        assertThat(offer.get(0).format()).matches("a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:[A-Za-z0-9+/]{40}\\|2\\^31");
        assertThat(SdesCrypto.offer(3, SrtpCryptoSuite.AES_CM_128_HMAC_SHA1_32, false, RANDOM).format())
                .matches("a=crypto:3 AES_CM_128_HMAC_SHA1_32 inline:[A-Za-z0-9+/]{40}");
        assertThat(SdesCrypto.parse(offer.get(1).format())).isEqualTo(offer.get(1));
    }

    @Test
    @DisplayName("the answer takes the first offered line it can use, with the same tag and its own key")
    void answerPicksTheFirstSupportedLine() {
        List<String> offer = List.of(
                "a=crypto:1 AES_256_CM_HMAC_SHA1_80 inline:" + INLINE + INLINE,
                "a=crypto:2 AES_CM_128_HMAC_SHA1_80 inline:" + INLINE + " UNENCRYPTED_SRTCP",
                "a=crypto:3 AES_CM_128_HMAC_SHA1_32 inline:" + INLINE + "|2^31",
                "a=crypto:4 AES_CM_128_HMAC_SHA1_80 inline:" + INLINE);

        SdesSelection selection = SdesCrypto.answer(offer, false, RANDOM).orElseThrow();

        assertThat(selection.remote().tag()).isEqualTo(3);
        assertThat(selection.local().tag()).isEqualTo(3);
        assertThat(selection.local().suite()).isEqualTo(SrtpCryptoSuite.AES_CM_128_HMAC_SHA1_32);
        assertThat(selection.local().masterKey().keyAndSaltBase64()).isNotEqualTo(INLINE);
        assertThat(selection.local().masterKey().lifetime()).isEmpty();

        assertThat(SdesCrypto.answer(offer, EnumSet.of(SrtpCryptoSuite.AES_CM_128_HMAC_SHA1_80), true, RANDOM).orElseThrow()
                .local().format()).startsWith("a=crypto:4 AES_CM_128_HMAC_SHA1_80 inline:").endsWith("|2^31");
        assertThat(SdesCrypto.answer(offer.subList(0, 2), true, RANDOM)).isEmpty();
    }

    @Test
    @DisplayName("offer, answer and accepting the answer give each side the other's key for receiving")
    void offerAnswerRoundTrip() {
        List<SdesCrypto> offer = SdesCrypto.offer(List.of(SrtpCryptoSuite.AES_CM_128_HMAC_SHA1_80, SrtpCryptoSuite.AES_CM_128_HMAC_SHA1_32),
                true, RANDOM);
        SdesSelection answerer = SdesCrypto.answer(List.of(offer.get(1).format(), offer.get(0).format()), true, RANDOM).orElseThrow();
        SdesSelection offerer = SdesCrypto.acceptAnswer(offer, answerer.local().format());

        assertThat(offerer.local()).isEqualTo(offer.get(1));
        byte[] plain = Packets.rtp(1);
        byte[] fromOfferer = offerer.outbound().protectRtp(plain, plain.length);
        assertThat(answerer.inbound().unprotectRtp(fromOfferer, fromOfferer.length).packet())
                .hasValueSatisfying(p -> assertThat(p).isEqualTo(plain));
        byte[] fromAnswerer = answerer.outbound().protectRtp(plain, plain.length);
        assertThat(offerer.inbound().unprotectRtp(fromAnswerer, fromAnswerer.length).packet())
                .hasValueSatisfying(p -> assertThat(p).isEqualTo(plain));

        assertThatThrownBy(() -> SdesCrypto.acceptAnswer(offer, "a=crypto:9 AES_CM_128_HMAC_SHA1_80 inline:" + INLINE))
                .hasMessage("answer tag 9 was not offered");
        assertThatThrownBy(() -> SdesCrypto.acceptAnswer(offer, "a=crypto:1 AES_CM_128_HMAC_SHA1_32 inline:" + INLINE))
                .hasMessageContaining("but the offer said AES_CM_128_HMAC_SHA1_80");
    }

    @Test
    @DisplayName("the lifetime of a parsed line becomes the context's packet limit")
    void lifetimeReachesTheContext() {
        SdesCrypto crypto = SdesCrypto.parse("a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + INLINE + "|2^4");
        assertThat(SrtpContext.of(crypto).remainingPackets()).isEqualTo(16);
        assertThat(SrtpContext.of(SdesCrypto.parse("a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + INLINE)).remainingPackets())
                .isEqualTo(1L << 48);
    }

    @Test
    @DisplayName("a master key refuses wrong lengths and never prints itself")
    void masterKeyChecks() {
        assertThatThrownBy(() -> new MasterKey(new byte[15], new byte[14])).hasMessageContaining("16 bytes");
        assertThatThrownBy(() -> new MasterKey(new byte[16], new byte[12])).hasMessageContaining("14 bytes");
        assertThatThrownBy(() -> new MasterKey(new byte[16], new byte[14], OptionalLong.of(0), Optional.empty()))
                .hasMessageContaining("lifetime");
        assertThat(MasterKey.generate(RANDOM, OptionalLong.empty()).toString()).doesNotContainPattern("[A-Za-z0-9+/]{20}");
    }
}
