package dev.ataemu.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Prints protect+unprotect throughput for 172-byte G.711 packets; a figure for docs/benchmarks.md, not a check. */
@DisplayName("MEDIA-24: SRTP throughput (printed, not asserted)")
class SrtpThroughputTest {

    @Test
    void protectAndUnprotectG711Packets() {
        MasterKey key = MasterKey.generate(new SecureRandom(), OptionalLong.empty());
        SrtpContext sender = new SrtpContext(SrtpCryptoSuite.AES_CM_128_HMAC_SHA1_80, key);
        SrtpContext receiver = new SrtpContext(SrtpCryptoSuite.AES_CM_128_HMAC_SHA1_80, key);
        byte[] packet = Packets.rtp(0);

        run(sender, receiver, packet, 0, 50_000);
        long start = System.nanoTime();
        int packets = 0;
        while (System.nanoTime() - start < 1_000_000_000L) {
            run(sender, receiver, packet, 50_000 + packets, 10_000);
            packets += 10_000;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("SRTP AES_CM_128_HMAC_SHA1_80, %d-byte packets: %.0f protect+unprotect pairs/s%n", packet.length,
                packets / seconds);
        assertThat(receiver.statistics().totalDropped()).isZero();
    }

    private static void run(SrtpContext sender, SrtpContext receiver, byte[] packet, int firstSeq, int count) {
        for (int n = 0; n < count; n++) {
            int seq = (firstSeq + n) & 0xFFFF;
            packet[2] = (byte) (seq >>> 8);
            packet[3] = (byte) seq;
            byte[] secured = sender.protectRtp(packet, packet.length);
            if (!receiver.unprotectRtp(secured, secured.length).isAccepted()) {
                throw new AssertionError("dropped at " + (firstSeq + n));
            }
        }
    }
}
