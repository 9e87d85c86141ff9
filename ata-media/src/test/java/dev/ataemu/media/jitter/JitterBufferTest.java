package dev.ataemu.media.jitter;

import static dev.ataemu.media.jitter.StreamRun.index;
import static dev.ataemu.media.jitter.StreamRun.packet;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JitterBufferTest {

    private final JitterBuffer buffer = new JitterBuffer(JitterBufferType.FIXED, JitterBufferLength.MEDIUM);
    private final List<Playout> played = new ArrayList<>();

    private void tickUntil(long fromMs, long toMs) {
        for (long now = fromMs; now <= toMs; now += 20) {
            played.addAll(buffer.tick(now));
        }
    }

    private List<Integer> decoded() {
        List<Integer> indexes = new ArrayList<>();
        for (Playout p : played) {
            if (p instanceof Playout.Decode d) {
                indexes.add(index(d.payload()));
            }
        }
        return indexes;
    }

    /** Sends packets 0..n-1 of a 20 ms stream, each arriving at 20 ms x its index plus {@code delays[i]}. */
    private void deliver(int firstSeq, long firstTs, int[] order, int[] delays) {
        for (int i = 0; i < order.length; i++) {
            int k = order[i];
            buffer.receive(packet(k, firstSeq, firstTs, 160, k == 0), 20L * k + delays[i]);
        }
    }

    @Test
    @DisplayName("MEDIA-17/18 an in-order stream plays every packet after the fixed delay, without concealment")
    void inOrderStreamPlaysAfterTheFixedDelay() {
        for (int k = 0; k < 100; k++) {
            buffer.receive(packet(k, 0, 0, 160, k == 0), 20L * k + 7);
            played.addAll(buffer.tick(20L * k + 10));
        }
        tickUntil(2010, 2200);

        assertThat(decoded()).hasSize(100).isSorted();
        assertThat(buffer.statistics().concealedFrames()).isZero();
        // the first packet arrives at 7 ms and plays at the tick nearest to 60 ms later (70 ms)
        assertThat(played.subList(0, 3)).containsOnly(new Playout.Silence(160));
        assertThat(played.get(3)).isInstanceOf(Playout.Decode.class);
        JitterStatistics stats = buffer.statistics();
        assertThat(stats.currentDelayMs()).isEqualTo(63);
        assertThat(stats.targetDelayMs()).isEqualTo(60);
        assertThat(stats.lost() + stats.late() + stats.duplicates() + stats.concealedFrames()).isZero();
        assertThat(stats.received()).isEqualTo(100);
    }

    @Test
    @DisplayName("MEDIA-17 packets reordered by two or three places all play, in sequence")
    void reorderedPacketsAllPlay() {
        int[] order = {0, 1, 3, 2, 4, 7, 5, 6, 8, 9, 12, 11, 10, 13, 14};
        int[] delays = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            delays[i] = 20 * (i - order[i]) + 5;
        }
        deliver(0, 0, order, delays);
        tickUntil(0, 500);

        assertThat(decoded()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14);
        assertThat(buffer.statistics().lost()).isZero();
        assertThat(buffer.statistics().concealedFrames()).isZero();
    }

    @Test
    @DisplayName("MEDIA-17 duplicates are dropped and counted, before and after their playout")
    void duplicatesAreDroppedAndCounted() {
        for (int k = 0; k < 10; k++) {
            buffer.receive(packet(k, 0, 0, 160, k == 0), 20L * k);
            buffer.receive(packet(k, 0, 0, 160, k == 0), 20L * k + 1);
        }
        tickUntil(0, 300);
        buffer.receive(packet(3, 0, 0, 160, false), 301);

        assertThat(decoded()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(buffer.statistics().duplicates()).isEqualTo(11);
        assertThat(buffer.statistics().received()).isEqualTo(10);
        assertThat(buffer.statistics().late()).isZero();
    }

    @Test
    @DisplayName("MEDIA-17 a packet arriving after its playout is concealed, then dropped and counted late")
    void latePacketsAreConcealedAndCounted() {
        for (int k = 0; k < 10; k++) {
            if (k != 4) {
                buffer.receive(packet(k, 0, 0, 160, k == 0), 20L * k);
            }
            played.addAll(buffer.tick(20L * k + 10));
        }
        // packet 4 was due at 80 + 60 ms
        buffer.receive(packet(4, 0, 0, 160, false), 150);
        tickUntil(210, 400);

        assertThat(decoded()).containsExactly(0, 1, 2, 3, 5, 6, 7, 8, 9);
        JitterStatistics stats = buffer.statistics();
        assertThat(stats.late()).isEqualTo(1);
        assertThat(stats.lost()).isZero();
        assertThat(stats.concealedFrames()).isEqualTo(1);
        assertThat(stats.received()).isEqualTo(10);
    }

    @Test
    @DisplayName("MEDIA-17 a lost packet is concealed for its own length and counted lost")
    void lostPacketIsConcealed() {
        for (int k = 0; k < 10; k++) {
            if (k != 4 && k != 5) {
                buffer.receive(packet(k, 0, 0, 160, k == 0), 20L * k);
            }
        }
        tickUntil(0, 400);

        assertThat(decoded()).containsExactly(0, 1, 2, 3, 6, 7, 8, 9);
        assertThat(buffer.statistics().lost()).isEqualTo(2);
        assertThat(buffer.statistics().concealedFrames()).isEqualTo(2);
        int first = played.indexOf(played.stream().filter(p -> p instanceof Playout.Conceal).findFirst().get());
        assertThat(played.subList(first - 1, first + 3)).extracting(p -> p.getClass().getSimpleName())
                .containsExactly("Decode", "Conceal", "Conceal", "Decode");
    }

    @Test
    @DisplayName("MEDIA-17 sequence numbers and timestamps wrap from 65535 to 0 and 2^32-1 to 0")
    void sequenceAndTimestampWrap() {
        for (int k = 0; k < 20; k++) {
            buffer.receive(packet(k, 65530, 0xFFFF_FFFFL - 800, 160, k == 0), 20L * k);
        }
        tickUntil(0, 600);

        assertThat(decoded()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19);
        assertThat(buffer.statistics().concealedFrames()).isZero();
        assertThat(buffer.statistics().lost()).isZero();
    }

    @Test
    @DisplayName("MEDIA-17 a new SSRC starts a new stream, whatever its numbers")
    void ssrcChangeResets() {
        for (int k = 0; k < 10; k++) {
            buffer.receive(packet(k, 100, 90_000, 160, k == 0), 20L * k);
        }
        tickUntil(0, 180);
        for (int k = 0; k < 10; k++) {
            MediaPacket p = packet(100 + k, 7, 3_000_000_000L, 160, k == 0);
            buffer.receive(new MediaPacket(99, p.sequenceNumber(), p.timestamp(), p.marker(), p.payload(), 160), 200 + 20L * k);
        }
        tickUntil(200, 700);

        // packets 7-9 of the old stream were still waiting when it ended
        assertThat(decoded()).containsSubsequence(0, 6, 100, 109);
        assertThat(decoded()).doesNotContain(7, 8, 9);
        JitterStatistics stats = buffer.statistics();
        assertThat(stats.late()).isZero();
        assertThat(stats.duplicates()).isZero();
        assertThat(stats.lost()).isZero();
        assertThat(decoded().subList(decoded().indexOf(100), decoded().size())).containsExactly(100, 101, 102, 103,
                104, 105, 106, 107, 108, 109);
    }

    @Test
    @DisplayName("MEDIA-15 between talk spurts the buffer plays silence, and the next spurt starts at the target delay")
    void talkSpurtGapThenNewSpurt() {
        for (int k = 0; k < 10; k++) {
            buffer.receive(packet(k, 0, 0, 160, k == 0), 20L * k + 3);
        }
        // the sender stops for 1 s (VAD); its timestamps keep running, sequence numbers do not
        for (int k = 0; k < 10; k++) {
            MediaPacket p = packet(10 + k, 0, 0, 160, k == 0);
            long ts = 160L * (60 + k);
            buffer.receive(new MediaPacket(p.ssrc(), p.sequenceNumber(), ts, k == 0, p.payload(), 160), 1200 + 20L * k + 3);
        }
        tickUntil(0, 2000);

        assertThat(decoded()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19);
        assertThat(buffer.statistics().concealedFrames()).isZero();
        int spurt = played.indexOf(played.stream().filter(p -> p instanceof Playout.Decode d && index(d.payload()) == 10)
                .findFirst().get());
        // packet 10 arrives at 1203 ms and plays at the tick nearest to 60 ms later, 1260 ms
        assertThat(spurt).isEqualTo(63);
        int end = played.indexOf(played.stream().filter(p -> p instanceof Playout.Decode d && index(d.payload()) == 9)
                .findFirst().get());
        // the same delay for both spurts: exactly the sender's second of silence
        List<Playout> gap = played.subList(end + 1, spurt);
        assertThat(gap).allMatch(p -> p instanceof Playout.Silence);
        assertThat(gap.stream().mapToInt(Playout::samples).sum()).isEqualTo(8000);
        assertThat(buffer.statistics().lost()).isZero();
    }

    @Test
    @DisplayName("MEDIA-29 30 ms and 40 ms packets are decoded whole; the ticks still get 160 samples each")
    void longerPacketsFillTheTicks() {
        for (int samples : new int[] {80, 240, 320}) {
            JitterBuffer b = new JitterBuffer(JitterBufferType.ADAPTIVE, JitterBufferLength.LOW);
            long handed = 0;
            long ticks = 0;
            int decodes = 0;
            for (long now = 0; now < 2000; now += 20) {
                for (int k = 0; k < 40; k++) {
                    long sentMs = samples * k / 8;
                    if (sentMs <= now && sentMs > now - 20) {
                        b.receive(packet(k, 0, 0, samples, k == 0), now);
                    }
                }
                for (Playout p : b.tick(now)) {
                    handed += p.samples();
                    decodes += p instanceof Playout.Decode ? 1 : 0;
                    if (now < samples * 40 / 8 + 40) {
                        assertThat(p).isNotInstanceOf(Playout.Conceal.class);
                    }
                }
                ticks++;
                assertThat(handed).isGreaterThanOrEqualTo(160 * ticks);
                assertThat(b.statistics().concealedFrames()).isZero();
                assertThat(handed).isLessThan(160 * ticks + samples);
            }
            assertThat(decodes).isEqualTo(40);
        }
    }
}
