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

    @Test
    void devicesSharingThreadsEachRunTheirTasksInOrderUnderTheirOwnName() throws InterruptedException {
        try (SchedulerThreads threads = new SchedulerThreads("devices", 3)) {
            int devices = 20;
            int tasksEach = 500;
            CountDownLatch done = new CountDownLatch(devices * tasksEach);
            List<List<Integer>> seen = new CopyOnWriteArrayList<>();
            List<String> wrongThread = new CopyOnWriteArrayList<>();
            java.util.concurrent.atomic.AtomicInteger overlapping = new java.util.concurrent.atomic.AtomicInteger();
            for (int d = 0; d < devices; d++) {
                String name = "device-" + d;
                RealTimeScheduler scheduler = threads.scheduler(name);
                List<Integer> order = new java.util.ArrayList<>();
                seen.add(order);
                java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean();
                for (int i = 0; i < tasksEach; i++) {
                    int n = i;
                    Runnable task = () -> {
                        if (!running.compareAndSet(false, true)) {
                            overlapping.incrementAndGet();
                        }
                        if (!Thread.currentThread().getName().equals(name)) {
                            wrongThread.add(Thread.currentThread().getName());
                        }
                        order.add(n);
                        running.set(false);
                        done.countDown();
                    };
                    if (i % 50 == 0) {
                        scheduler.schedule(Duration.ZERO, task);
                    } else {
                        scheduler.execute(task);
                    }
                }
            }
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(overlapping).hasValue(0);
            assertThat(wrongThread).isEmpty();
            for (List<Integer> order : seen) {
                assertThat(order).hasSize(tasksEach);
                assertThat(order.stream().filter(n -> n % 50 != 0).toList()).as("tasks handed over directly").isSorted();
            }
        }
    }

    @Test
    void aTimerCalledOffOnTheDevicesTurnNeverRunsEvenWhenItsTimeHasCome() throws InterruptedException {
        try (SchedulerThreads threads = new SchedulerThreads("devices", 2)) {
            RealTimeScheduler scheduler = threads.scheduler("device-a");
            java.util.concurrent.atomic.AtomicBoolean ran = new java.util.concurrent.atomic.AtomicBoolean();
            CountDownLatch finished = new CountDownLatch(1);
            scheduler.execute(() -> {
                Scheduler.Timer timer = scheduler.schedule(Duration.ZERO, () -> ran.set(true));
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                timer.cancel();
            });
            scheduler.schedule(Duration.ofMillis(300), finished::countDown);
            assertThat(finished.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(ran).isFalse();
        }
    }

    @Test
    void aClosedSchedulerRunsNothingMoreWhileTheOthersGoOn() throws InterruptedException {
        try (SchedulerThreads threads = new SchedulerThreads("devices", 2)) {
            RealTimeScheduler closed = threads.scheduler("device-a");
            RealTimeScheduler open = threads.scheduler("device-b");
            java.util.concurrent.atomic.AtomicBoolean ran = new java.util.concurrent.atomic.AtomicBoolean();
            closed.schedule(Duration.ofMillis(50), () -> ran.set(true));
            closed.close();
            closed.execute(() -> ran.set(true));
            CountDownLatch other = new CountDownLatch(1);
            open.schedule(Duration.ofMillis(100), other::countDown);
            assertThat(other.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(ran).isFalse();
        }
    }
}
