package dev.ataemu.media.jitter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The buffer against a simulated bad network; the figures are printed for docs/benchmarks.md. */
class JitterBufferImpairmentTest {

    private static final int PACKETS_60_S = 3000;
    private static final Impairment LOSSY_AND_JITTERY = Impairment.none().withDelay(30).withLoss(0.05).withUniformJitter(40);

    private static StreamRun run(JitterBufferType type, Impairment impairment, int packets, double senderRate) {
        JitterBuffer buffer = new JitterBuffer(type, JitterBufferLength.MEDIUM);
        ImpairedLink<MediaPacket> link = new ImpairedLink<>(impairment, 20240601L);
        StreamRun run = StreamRun.run(buffer, link, packets, 160, senderRate, 5000);
        JitterStatistics s = run.statistics;
        System.out.printf("%s medium, %d packets, sender clock x%.4f: sent %d, lost %d, late %d, concealed %d"
                        + " (runs: %d, of 2+: %d, of 3+: %d), dropped %d, inserted %d, silence in the stream %d,"
                        + " delay %d ms (%d-%d after 5 s), target %d ms, RFC 3550 jitter %.1f ms%n",
                type, packets, senderRate, link.sent(), s.lost(), s.late(), s.concealedFrames(), run.concealRuns.size(),
                run.runsOfAtLeast(2), run.runsOfAtLeast(3), s.droppedFrames(), s.insertedFrames(), run.silenceAfterStart,
                s.currentDelayMs(), run.minDelayMs, run.maxDelayMs, s.targetDelayMs(), s.jitterMs());
        return run;
    }

    @Test
    @DisplayName("MEDIA-17/21 adaptive: 60 s with 5 % loss and 40 ms jitter plays continuously, concealing only the lost")
    void adaptiveBufferRidesOutLossAndJitter() {
        StreamRun run = run(JitterBufferType.ADAPTIVE, LOSSY_AND_JITTERY, PACKETS_60_S, 1.0);
        JitterStatistics s = run.statistics;

        assertThat(s.lost()).isBetween(100L, 200L);
        assertThat(s.late()).isLessThanOrEqualTo(PACKETS_60_S / 100);
        assertThat(s.concealedFrames()).isBetween(s.lost(), s.lost() + s.late());
        assertThat(run.silenceAfterStart).isZero();
        assertThat(run.decoded).isSorted().hasSize((int) (s.received() - s.late() - s.droppedFrames()));
        assertThat(s.targetDelayMs()).isBetween(40, 60);
        assertThat(run.maxDelayMs).isLessThanOrEqualTo(s.targetDelayMs() + 20);
        assertThat(s.jitterMs()).isBetween(10.0, 20.0);
    }

    @Test
    @DisplayName("MEDIA-17/18 fixed medium (60 ms): the same network, for comparison")
    void fixedBufferOnTheSameNetwork() {
        StreamRun run = run(JitterBufferType.FIXED, LOSSY_AND_JITTERY, PACKETS_60_S, 1.0);
        JitterStatistics s = run.statistics;

        assertThat(s.targetDelayMs()).isEqualTo(60);
        assertThat(s.late()).isLessThanOrEqualTo(PACKETS_60_S / 100);
        assertThat(s.concealedFrames()).isBetween(s.lost(), s.lost() + s.late());
        assertThat(run.silenceAfterStart).isZero();
        assertThat(run.minDelayMs).isGreaterThanOrEqualTo(45);
        assertThat(run.maxDelayMs).isLessThanOrEqualTo(75);
    }

    @Test
    @DisplayName("MEDIA-17 adaptive: a jitter spike raises the target, within the medium bound")
    void adaptiveBufferFollowsHeavierJitter() {
        Impairment heavy = Impairment.none().withDelay(30).withLoss(0.02).withNormalJitter(150);
        StreamRun run = run(JitterBufferType.ADAPTIVE, heavy, PACKETS_60_S, 1.0);

        assertThat(run.statistics.targetDelayMs()).isBetween(100, 170);
        assertThat(run.statistics.late()).isLessThanOrEqualTo(PACKETS_60_S / 50);
    }

    @Test
    @DisplayName("MEDIA-17 reordering and duplication on the link cost no audio")
    void reorderingAndDuplicationCostNothing() {
        Impairment shuffled = Impairment.none().withDelay(20).withUniformJitter(10).withReordering(0.05, 45)
                .withDuplication(0.05);
        StreamRun run = run(JitterBufferType.ADAPTIVE, shuffled, PACKETS_60_S, 1.0);
        JitterStatistics s = run.statistics;

        assertThat(s.lost()).isZero();
        assertThat(s.duplicates()).isBetween(100L, 200L);
        assertThat(s.late()).isLessThanOrEqualTo(PACKETS_60_S / 100);
        assertThat(run.silenceAfterStart).isZero();
    }

    @Test
    @DisplayName("MEDIA-17 a sender clock 0.1 % fast or slow over 10 minutes: the delay stays bounded")
    void clockDriftIsAbsorbed() {
        int tenMinutes = 30_000;
        Impairment jittery = Impairment.none().withDelay(30).withLoss(0.01).withUniformJitter(20);
        for (JitterBufferType type : JitterBufferType.values()) {
            StreamRun fast = run(type, jittery, tenMinutes, 1.001);
            StreamRun slow = run(type, jittery, tenMinutes, 0.999);

            // 600 ms of drift each way, taken out or put in a frame at a time
            assertThat(fast.statistics.droppedFrames()).isBetween(25L, 40L);
            assertThat(slow.statistics.insertedFrames()).isBetween(25L, 40L);
            for (StreamRun r : new StreamRun[] {fast, slow}) {
                assertThat(r.maxDelayMs).isLessThanOrEqualTo(r.statistics.targetDelayMs() + 40);
                assertThat(r.minDelayMs).isGreaterThanOrEqualTo(r.statistics.targetDelayMs() - 30);
                assertThat(r.statistics.late()).isLessThanOrEqualTo(tenMinutes / 100);
                assertThat(r.silenceAfterStart).isZero();
            }
        }
    }
}
