package dev.ataemu.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ReceptionStatisticsTest {

    private final ReceptionStatistics stats = new ReceptionStatistics(8000);

    @Test
    void countsLossAcrossTheSequenceWrap() {
        int seq = 65500;
        for (int i = 0; i < 100; i++) {
            if (i % 10 != 3) {
                stats.received(seq + i & 0xffff, 160L * i, 20L * i);
            }
        }
        assertThat(stats.expected()).isEqualTo(100);
        assertThat(stats.received()).isEqualTo(90);
        assertThat(stats.cumulativeLost()).isEqualTo(10);
        assertThat(stats.extendedHighestSequence()).isEqualTo(65536 + (65500 + 99 - 65536));
        assertThat(stats.fractionLostSinceLastReport()).isEqualTo(10 * 256 / 100);
        assertThat(stats.fractionLostSinceLastReport()).isZero();
    }

    @Test
    void jitterFollowsArrivalVariation() {
        for (int i = 0; i < 500; i++) {
            stats.received(i, 160L * i, 20L * i + (i % 2 == 0 ? 0 : 10));
        }
        assertThat(stats.jitterMillis()).isCloseTo(10, within(1.0));
    }
}
