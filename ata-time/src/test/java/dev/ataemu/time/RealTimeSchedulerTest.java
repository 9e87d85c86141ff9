package dev.ataemu.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RealTimeSchedulerTest {

    @Test
    void runsTasksOneAtATimeInOrderOnItsOwnThread() throws InterruptedException {
        try (RealTimeScheduler scheduler = new RealTimeScheduler("device-test")) {
            List<String> threads = new CopyOnWriteArrayList<>();
            CountDownLatch done = new CountDownLatch(3);
            for (int i = 0; i < 3; i++) {
                scheduler.execute(() -> {
                    threads.add(Thread.currentThread().getName());
                    done.countDown();
                });
            }
            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(threads).containsOnly("device-test");
        }
    }

    @Test
    void aFailingTaskDoesNotStopTheNextOne() throws InterruptedException {
        try (RealTimeScheduler scheduler = new RealTimeScheduler("device-test")) {
            CountDownLatch ran = new CountDownLatch(1);
            scheduler.execute(() -> {
                throw new IllegalStateException("deliberate failure in a test");
            });
            scheduler.schedule(Duration.ofMillis(10), ran::countDown);
            assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void itsClockNeverGoesBackwards() {
        try (RealTimeScheduler scheduler = new RealTimeScheduler("device-test")) {
            long previous = scheduler.millis();
            for (int i = 0; i < 10_000; i++) {
                long now = scheduler.millis();
                assertThat(now).isGreaterThanOrEqualTo(previous);
                previous = now;
            }
        }
    }
}
