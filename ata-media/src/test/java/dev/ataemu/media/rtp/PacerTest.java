package dev.ataemu.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PacerTest {

    @Test
    void ticksEachStreamOnTheTwentyMillisecondGridUntilCancelled() throws InterruptedException {
        try (Pacer pacer = new Pacer(1, "test-pacer")) {
            AtomicInteger ticks = new AtomicInteger();
            Pacer.Registration registration = pacer.add(ticks::incrementAndGet);
            Thread.sleep(1000);
            registration.cancel();
            int atCancel = ticks.get();
            Thread.sleep(200);

            assertThat(atCancel).isBetween(40, 55);
            assertThat(ticks.get()).isLessThanOrEqualTo(atCancel + 1);
            assertThat(pacer.lateness().count()).isGreaterThanOrEqualTo(atCancel);
        }
    }
}
