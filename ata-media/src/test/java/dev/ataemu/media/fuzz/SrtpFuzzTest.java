package dev.ataemu.media.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ataemu.media.srtp.MasterKey;
import dev.ataemu.media.srtp.Mki;
import dev.ataemu.media.srtp.SrtpContext;
import dev.ataemu.media.srtp.SrtpCryptoSuite;
import dev.ataemu.media.srtp.Unprotected;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;

/**
 * SRTP and SRTCP unprotection under a fixed key: whatever arrives is accepted or dropped with a
 * reason, never thrown; what the sending side protected comes out as it went in.
 */
class SrtpFuzzTest {

    private static final byte[] KEY_AND_SALT = {
        (byte) 0xE1, (byte) 0xF9, 0x7A, 0x0D, 0x3E, 0x01, (byte) 0x8B, (byte) 0xE0,
        (byte) 0xD6, 0x4F, (byte) 0xA3, 0x2C, 0x06, (byte) 0xDE, 0x41, 0x39,
        0x0E, (byte) 0xC6, 0x75, (byte) 0xAD, 0x49, (byte) 0x8A, (byte) 0xFE, (byte) 0xEB,
        (byte) 0xB6, (byte) 0x96, 0x0B, 0x3A, (byte) 0xAB, (byte) 0xE6};

    @DisplayName("SEC-02 any datagram on an SRTP port is accepted or dropped with a reason")
    @FuzzTest
    void unprotectRtp(byte[] datagram) {
        for (SrtpContext context : contexts()) {
            assertHandled(context.unprotectRtp(datagram, datagram.length));
        }
    }

    @DisplayName("SEC-02 any datagram on an SRTCP port is accepted or dropped with a reason")
    @FuzzTest
    void unprotectRtcp(byte[] datagram) {
        for (SrtpContext context : contexts()) {
            assertHandled(context.unprotectRtcp(datagram, datagram.length));
        }
    }

    @DisplayName("SEC-02 a protected RTP or RTCP packet unprotects to itself, and a changed one is dropped")
    @FuzzTest
    void roundTrip(FuzzedDataProvider data) {
        SrtpCryptoSuite suite = data.pickValue(SrtpCryptoSuite.values());
        Optional<Mki> mki = data.consumeBoolean() ? Optional.of(new Mki(data.consumeLong(0, 0xFF), 1)) : Optional.empty();
        SrtpContext sender = new SrtpContext(suite, key(mki));
        SrtpContext receiver = new SrtpContext(suite, key(mki));
        boolean rtcp = data.consumeBoolean();
        byte[] packet = rtcp ? rtcpPacket(data) : rtpPacket(data);
        int flip = data.consumeInt(0, Integer.MAX_VALUE);
        byte[] protectedPacket;
        try {
            protectedPacket = rtcp ? sender.protectRtcp(packet, packet.length) : sender.protectRtp(packet, packet.length);
        } catch (IllegalArgumentException notAPacket) {
            return;
        }
        byte[] damaged = protectedPacket.clone();
        damaged[flip % damaged.length] ^= 0x01;
        Unprotected forged = rtcp ? receiver.unprotectRtcp(damaged, damaged.length)
                : receiver.unprotectRtp(damaged, damaged.length);
        assertThat(forged.isAccepted()).as("a packet changed in one bit").isFalse();
        Unprotected received = rtcp ? receiver.unprotectRtcp(protectedPacket, protectedPacket.length)
                : receiver.unprotectRtp(protectedPacket, protectedPacket.length);
        assertThat(received.packet()).hasValue(packet);
    }

    private static byte[] rtpPacket(FuzzedDataProvider data) {
        byte[] packet = data.consumeBytes(data.consumeInt(12, 300));
        if (packet.length >= 12) {
            packet[0] = (byte) (0x80 | packet[0] & 0x1F); // version 2, no padding
        }
        return packet;
    }

    private static byte[] rtcpPacket(FuzzedDataProvider data) {
        byte[] packet = data.consumeBytes(data.consumeInt(8, 300));
        if (packet.length >= 8) {
            packet[0] = (byte) (0x80 | packet[0] & 0x3F);
        }
        return packet;
    }

    private static void assertHandled(Unprotected outcome) {
        assertThat(outcome.isAccepted() || outcome.dropReason().isPresent()).isTrue();
    }

    private static SrtpContext[] contexts() {
        return new SrtpContext[] {
            new SrtpContext(SrtpCryptoSuite.AES_CM_128_HMAC_SHA1_80, key(Optional.empty())),
            new SrtpContext(SrtpCryptoSuite.AES_CM_128_HMAC_SHA1_32, key(Optional.of(new Mki(1, 2))))};
    }

    private static MasterKey key(Optional<Mki> mki) {
        return MasterKey.fromKeyAndSalt(KEY_AND_SALT.clone(), OptionalLong.empty(), mki);
    }
}
