package dev.ataemu.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("MEDIA-24 / SEC-02: SRTP and SRTCP protection (RFC 3711)")
class SrtpContextTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MasterKey key = MasterKey.generate(RANDOM, OptionalLong.empty());

    private SrtpContext sender(SrtpCryptoSuite suite) {
        return new SrtpContext(suite, key);
    }

    private SrtpContext receiver(SrtpCryptoSuite suite) {
        return new SrtpContext(suite, key);
    }

    private static byte[] protect(SrtpContext context, byte[] packet) {
        return context.protectRtp(packet, packet.length);
    }

    private static Unprotected unprotect(SrtpContext context, byte[] packet) {
        return context.unprotectRtp(packet, packet.length);
    }

    @ParameterizedTest
    @EnumSource(SrtpCryptoSuite.class)
    @DisplayName("a protected packet is encrypted, carries the suite's tag and comes back unchanged")
    void roundTrip(SrtpCryptoSuite suite) {
        SrtpContext sender = sender(suite);
        SrtpContext receiver = receiver(suite);
        byte[] plain = Packets.rtp(1000);

        byte[] secured = protect(sender, plain);

        assertThat(secured).hasSize(plain.length + suite.rtpTagLength());
        assertThat(Arrays.copyOf(secured, 12)).isEqualTo(Arrays.copyOf(plain, 12));
        assertThat(Arrays.copyOfRange(secured, 12, plain.length)).isNotEqualTo(Arrays.copyOfRange(plain, 12, plain.length));
        Unprotected result = unprotect(receiver, secured);
        assertThat(result.isAccepted()).isTrue();
        assertThat(result.packet()).hasValueSatisfying(p -> assertThat(p).isEqualTo(plain));
        assertThat(result.index()).isEqualTo(1000);
        assertThat(receiver.statistics().rtpUnprotected()).isEqualTo(1);
        assertThat(sender.statistics().rtpProtected()).isEqualTo(1);
    }

    @Test
    @DisplayName("CSRCs and a header extension stay in clear and are authenticated")
    void headerWithCsrcsAndExtension() {
        byte[] plain = Packets.rtp(Packets.SSRC, 7, 40 + 4 + 8 + 20);
        plain[0] = (byte) 0x92; // V=2, X=1, CC=2
        // CSRCs at 12..19, extension header at 20: profile 0xBEDE, length 2 words.
        plain[22] = 0;
        plain[23] = 2;
        SrtpContext sender = sender(SrtpCryptoSuite.AES_CM_128_HMAC_SHA1_80);

        byte[] secured = protect(sender, plain);

        assertThat(Arrays.copyOf(secured, 32)).isEqualTo(Arrays.copyOf(plain, 32));
        assertThat(unprotect(receiver(SrtpCryptoSuite.AES_CM_128_HMAC_SHA1_80), secured).packet())
                .hasValueSatisfying(p -> assertThat(p).isEqualTo(plain));
    }

    @ParameterizedTest
    @EnumSource(SrtpCryptoSuite.class)
    @DisplayName("the rollover counter advances across sequence 65535 -> 0, on both sides")
    void rolloverAcrossSequenceWrap(SrtpCryptoSuite suite) {
        SrtpContext sender = sender(suite);
        SrtpContext receiver = receiver(suite);

        for (int n = 0; n < 40; n++) {
            int seq = (65520 + n) & 0xFFFF;
            Unprotected result = unprotect(receiver, protect(sender, Packets.rtp(seq)));
            assertThat(result.isAccepted()).as("seq %d", seq).isTrue();
            assertThat(result.index()).isEqualTo(65520L + n);
        }
    }

    @Test
    @DisplayName("a late packet from before the wrap is decrypted with the previous rollover counter")
    void latePacketFromBeforeTheWrap() {
        SrtpContext sender = sender(SrtpCryptoSuite.AES_CM_128_HMAC_SHA1_80);
        SrtpContext receiver = receiver(SrtpCryptoSuite.AES_CM_128_HMAC_SHA1_80);
        byte[] beforeWrap = protect(sender, Packets.rtp(65534));
        byte[] lastBeforeWrap = protect(sender, Packets.rtp(65535));
        byte[] afterWrap = protect(sender, Packets.rtp(0));
        byte[] next = protect(sender, Packets.rtp(1));

        assertThat(unprotect(receiver, beforeWrap).index()).isEqualTo(65534);
        assertThat(unprotect(receiver, afterWrap).index()).isEqualTo(65536);
        assertThat(unprotect(receiver, next).index()).isEqualTo(65537);
        Unprotected late = unprotect(receiver, lastBeforeWrap);
        assertThat(late.index()).isEqualTo(65535);
        assertThat(late.packet()).hasValueSatisfying(p -> assertThat(p).isEqualTo(Packets.rtp(65535)));
    }

    @Test
    @DisplayName("packets arriving out of order within the window are all accepted once")
    void outOfOrderWithinTheWindow() {
        SrtpContext sender = sender(SrtpCryptoSuite.AES_CM_128_HMAC_SHA1_80);
        SrtpContext receiver = receiver(SrtpCryptoSuite.AES_CM_128_HMAC_SHA1_80);
        byte[][] secured = new byte[100][];
        for (int seq = 0; seq < secured.length; seq++) {
            secured[seq] = protect(sender, Packets.rtp(seq));
        }

        for (int seq = secured.length - 1; seq >= 0; seq -= 2) {
            assertThat(unprotect(receiver, secured[seq]).isAccepted()).as("seq %d", seq).isTrue();
        }
        for (int seq = 0; seq < secured.length; seq += 2) {
            assertThat(unprotect(receiver, secured[seq]).packet()).as("seq %d", seq)
                    .hasValueSatisfying(p -> assertThat(p).isEqualTo(Packets.rtp(p[3] & 0xFF)));
        }
        assertThat(receiver.statistics().rtpUnprotected()).isEqualTo(100);
        assertThat(receiver.statistics().totalDropped()).isZero();
    }

    @Test
    @DisplayName("a replayed packet is dropped, and one behind the window is too old")
    void replayRejected() {
        SrtpContext sender = sender(SrtpCryptoSuite.AES_CM_128_HMAC_SHA1_80);
        SrtpContext receiver = receiver(SrtpCryptoSuite.AES_CM_128_HMAC_SHA1_80);
        byte[] first = protect(sender, Packets.rtp(10));
        assertThat(unprotect(receiver, first).isAccepted()).isTrue();

        assertThat(unprotect(receiver, first).dropReason()).contains(DropReason.REPLAYED);

        byte[] old = protect(sender, Packets.rtp(11));
        for (int seq = 12; seq < 12 + ReplayWindow.SIZE + 1; seq++) {
            assertThat(unprotect(receiver, protect(sender, Packets.rtp(seq))).isAccepted()).isTrue();
        }
        assertThat(unprotect(receiver, old).dropReason()).contains(DropReason.TOO_OLD);
        assertThat(receiver.statistics().dropped(DropReason.REPLAYED)).isEqualTo(1);
        assertThat(receiver.statistics().dropped(DropReason.TOO_OLD)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(SrtpCryptoSuite.class)
    @DisplayName("a flipped bit in header, payload or tag fails authentication and leaves the stream intact")
    void tamperingRejected(SrtpCryptoSuite suite) {
        SrtpContext sender = sender(suite);
        SrtpContext receiver = receiver(suite);
        byte[] secured = protect(sender, Packets.rtp(500));

        for (int at : new int[] {1, 20, secured.length - 1}) {
            byte[] tampered = secured.clone();
            tampered[at] ^= 0x01;
            assertThat(unprotect(receiver, tampered).dropReason()).as("byte %d", at).contains(DropReason.AUTHENTICATION_FAILED);
        }
        assertThat(unprotect(receiver, secured).isAccepted()).isTrue();
        assertThat(receiver.statistics().dropped(DropReason.AUTHENTICATION_FAILED)).isEqualTo(3);
    }

    @Test
    @DisplayName("a packet protected with another key fails authentication")
    void wrongKeyRejected() {
        SrtpContext other = new SrtpContext(SrtpCryptoSuite.AES_CM_128_HMAC_SHA1_80, MasterKey.generate(RANDOM, OptionalLong.empty()));
        byte[] secured = protect(other, Packets.rtp(1));
        assertThat(unprotect(receiver(SrtpCryptoSuite.AES_CM_128_HMAC_SHA1_80), secured).dropReason())
                .contains(DropReason.AUTHENTICATION_FAILED);
    }

    @Test
    @DisplayName("truncated and malformed packets are dropped by reason and counted, never thrown")
    void malformedPacketsDropped() {
        SrtpContext receiver = receiver(SrtpCryptoSuite.AES_CM_128_HMAC_SHA1_80);
        byte[] valid = protect(sender(SrtpCryptoSuite.AES_CM_128_HMAC_SHA1_80), Packets.rtp(3));

        assertThat(unprotect(receiver, new byte[0]).dropReason()).contains(DropReason.TRUNCATED);
        assertThat(unprotect(receiver, Arrays.copyOf(valid, 21)).dropReason()).contains(DropReason.TRUNCATED);
        byte[] version1 = valid.clone();
        version1[0] = 0x40;
        assertThat(unprotect(receiver, version1).dropReason()).contains(DropReason.BAD_VERSION);
        byte[] tooManyCsrcs = Arrays.copyOf(valid, 12 + 8 + 10);
        tooManyCsrcs[0] = (byte) 0x8F;
        assertThat(unprotect(receiver, tooManyCsrcs).dropReason()).contains(DropReason.CSRC_OVERRUN);
        byte[] longExtension = valid.clone();
        longExtension[0] = (byte) 0x90;
        longExtension[14] = (byte) 0xFF;
        longExtension[15] = (byte) 0xFF;
        assertThat(unprotect(receiver, longExtension).dropReason()).contains(DropReason.EXTENSION_OVERRUN);
        byte[] cutExtensionHeader = Arrays.copyOf(valid, 12 + 2 + 10);
        cutExtensionHeader[0] = (byte) 0x90;
        assertThat(unprotect(receiver, cutExtensionHeader).dropReason()).contains(DropReason.EXTENSION_OVERRUN);

        SrtpStatistics statistics = receiver.statistics();
        assertThat(statistics.dropped(DropReason.TRUNCATED)).isEqualTo(2);
        assertThat(statistics.dropped(DropReason.BAD_VERSION)).isEqualTo(1);
        assertThat(statistics.dropped(DropReason.CSRC_OVERRUN)).isEqualTo(1);
        assertThat(statistics.dropped(DropReason.EXTENSION_OVERRUN)).isEqualTo(2);
        assertThat(statistics.rtpUnprotected()).isZero();
        assertThat(unprotect(receiver, valid).isAccepted()).isTrue();
    }

    @Test
    @DisplayName("random garbage never throws and never authenticates")
    void randomGarbage() {
        SrtpContext receiver = receiver(SrtpCryptoSuite.AES_CM_128_HMAC_SHA1_32);
        java.util.Random random = new java.util.Random(42);
        for (int n = 0; n < 5000; n++) {
            byte[] garbage = new byte[random.nextInt(200)];
            random.nextBytes(garbage);
            if (random.nextBoolean() && garbage.length > 0) {
                garbage[0] = (byte) (0x80 | (garbage[0] & 0x3F));
            }
            assertThat(receiver.unprotectRtp(garbage, garbage.length).isAccepted()).isFalse();
            assertThat(receiver.unprotectRtcp(garbage, garbage.length).isAccepted()).isFalse();
        }
        assertThat(receiver.statistics().totalDropped()).isEqualTo(10_000);
    }

    @Test
    @DisplayName("a new SSRC under the same key starts its own rollover counter and replay list")
    void secondSsrc() {
        SrtpContext sender = sender(SrtpCryptoSuite.AES_CM_128_HMAC_SHA1_80);
        SrtpContext receiver = receiver(SrtpCryptoSuite.AES_CM_128_HMAC_SHA1_80);
        assertThat(unprotect(receiver, protect(sender, Packets.rtp(Packets.SSRC, 40000, 160))).isAccepted()).isTrue();

        Unprotected other = unprotect(receiver, protect(sender, Packets.rtp(0x0BADCAFE, 5, 160)));
        assertThat(other.index()).isEqualTo(5);
        assertThat(unprotect(receiver, protect(sender, Packets.rtp(Packets.SSRC, 40001, 160))).index()).isEqualTo(40001);
    }

    @Test
    @DisplayName("an MKI is written after the payload and must match on receipt")
    void masterKeyIdentifier() {
        MasterKey withMki = new MasterKey(key.key(), key.salt(), OptionalLong.empty(), Optional.of(new Mki(7, 2)));
        SrtpContext sender = new SrtpContext(SrtpCryptoSuite.AES_CM_128_HMAC_SHA1_80, withMki);
        SrtpContext receiver = new SrtpContext(SrtpCryptoSuite.AES_CM_128_HMAC_SHA1_80, withMki);
        byte[] plain = Packets.rtp(9);

        byte[] secured = protect(sender, plain);

        assertThat(secured).hasSize(plain.length + 2 + 10);
        assertThat(secured[plain.length]).isZero();
        assertThat(secured[plain.length + 1]).isEqualTo((byte) 7);
        byte[] otherMki = secured.clone();
        otherMki[plain.length + 1] = 8;
        assertThat(unprotect(receiver, otherMki).dropReason()).contains(DropReason.MKI_MISMATCH);
        assertThat(unprotect(receiver, secured).packet()).hasValueSatisfying(p -> assertThat(p).isEqualTo(plain));
        byte[] rtcp = sender.protectRtcp(Packets.rtcp(Packets.SSRC), 20);
        assertThat(receiver.unprotectRtcp(rtcp, rtcp.length).isAccepted()).isTrue();
    }

    @Test
    @DisplayName("a master key with a lifetime of 2^n packets refuses to protect the packet after them")
    void lifetimeEnforced() {
        MasterKey shortLived = new MasterKey(key.key(), key.salt(), OptionalLong.of(1L << 3), Optional.empty());
        SrtpContext sender = new SrtpContext(SrtpCryptoSuite.AES_CM_128_HMAC_SHA1_80, shortLived);
        SrtpContext receiver = new SrtpContext(SrtpCryptoSuite.AES_CM_128_HMAC_SHA1_80, shortLived);
        SrtpContext unlimitedSender = sender(SrtpCryptoSuite.AES_CM_128_HMAC_SHA1_80);

        for (int seq = 0; seq < 7; seq++) {
            assertThat(unprotect(receiver, protect(sender, Packets.rtp(seq))).isAccepted()).isTrue();
        }
        byte[] rtcp = sender.protectRtcp(Packets.rtcp(Packets.SSRC), 20);
        assertThat(receiver.unprotectRtcp(rtcp, rtcp.length).isAccepted()).isTrue();
        assertThat(sender.remainingPackets()).isZero();

        assertThatThrownBy(() -> protect(sender, Packets.rtp(8))).isInstanceOf(KeyExhaustedException.class)
                .hasMessageContaining("lifetime");
        assertThat(unprotect(receiver, protect(unlimitedSender, Packets.rtp(8))).dropReason()).contains(DropReason.KEY_EXHAUSTED);
    }

    @ParameterizedTest
    @EnumSource(SrtpCryptoSuite.class)
    @DisplayName("SRTCP: header in clear, E-flag and index appended, 80-bit tag for both suites, round trip")
    void srtcpRoundTrip(SrtpCryptoSuite suite) {
        SrtpContext sender = sender(suite);
        SrtpContext receiver = receiver(suite);
        byte[] plain = Packets.rtcp(Packets.SSRC);

        for (int n = 0; n < 3; n++) {
            byte[] secured = sender.protectRtcp(plain, plain.length);

            assertThat(secured).hasSize(plain.length + 4 + 10);
            assertThat(Arrays.copyOf(secured, 8)).isEqualTo(Arrays.copyOf(plain, 8));
            assertThat(Arrays.copyOfRange(secured, 8, 20)).isNotEqualTo(Arrays.copyOfRange(plain, 8, 20));
            assertThat(secured[20] & 0x80).as("E flag").isEqualTo(0x80);
            assertThat(secured[23]).as("SRTCP index").isEqualTo((byte) n);
            Unprotected result = receiver.unprotectRtcp(secured, secured.length);
            assertThat(result.packet()).hasValueSatisfying(p -> assertThat(p).isEqualTo(plain));
            assertThat(result.index()).isEqualTo(n);
        }
        assertThat(receiver.statistics().rtcpUnprotected()).isEqualTo(3);
    }

    @Test
    @DisplayName("SRTCP: replay, tampering and truncation are dropped")
    void srtcpDrops() {
        SrtpContext sender = sender(SrtpCryptoSuite.AES_CM_128_HMAC_SHA1_80);
        SrtpContext receiver = receiver(SrtpCryptoSuite.AES_CM_128_HMAC_SHA1_80);
        byte[] plain = Packets.rtcp(Packets.SSRC);
        byte[] secured = sender.protectRtcp(plain, plain.length);
        assertThat(receiver.unprotectRtcp(secured, secured.length).isAccepted()).isTrue();

        assertThat(receiver.unprotectRtcp(secured, secured.length).dropReason()).contains(DropReason.REPLAYED);
        byte[] next = sender.protectRtcp(plain, plain.length);
        byte[] tampered = next.clone();
        tampered[10] ^= 0x40;
        assertThat(receiver.unprotectRtcp(tampered, tampered.length).dropReason()).contains(DropReason.AUTHENTICATION_FAILED);
        byte[] indexChanged = next.clone();
        indexChanged[23] ^= 0x05;
        assertThat(receiver.unprotectRtcp(indexChanged, indexChanged.length).dropReason())
                .contains(DropReason.AUTHENTICATION_FAILED);
        assertThat(receiver.unprotectRtcp(next, 21).dropReason()).contains(DropReason.TRUNCATED);
        byte[] version0 = next.clone();
        version0[0] = 0x00;
        assertThat(receiver.unprotectRtcp(version0, version0.length).dropReason()).contains(DropReason.BAD_VERSION);
        assertThat(receiver.unprotectRtcp(next, next.length).index()).isEqualTo(1);
    }

    @Test
    @DisplayName("protecting a packet that is not RTP is our own bug and throws")
    void protectRefusesNonRtp() {
        SrtpContext sender = sender(SrtpCryptoSuite.AES_CM_128_HMAC_SHA1_80);
        assertThatThrownBy(() -> sender.protectRtp(new byte[8], 8)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TRUNCATED");
        assertThatThrownBy(() -> sender.protectRtcp(new byte[12], 12)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("the plain input array is left untouched")
    void inputUntouched() {
        SrtpContext sender = sender(SrtpCryptoSuite.AES_CM_128_HMAC_SHA1_80);
        byte[] plain = Packets.rtp(77);
        byte[] copy = plain.clone();
        byte[] secured = protect(sender, plain);
        byte[] securedCopy = secured.clone();
        unprotect(receiver(SrtpCryptoSuite.AES_CM_128_HMAC_SHA1_80), secured);
        assertThat(plain).isEqualTo(copy);
        assertThat(secured).isEqualTo(securedCopy);
    }
}
