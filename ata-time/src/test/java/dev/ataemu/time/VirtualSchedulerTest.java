package dev.ataemu.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VirtualSchedulerTest {

    private final VirtualScheduler scheduler = new VirtualScheduler();
    private final List<String> ran = new ArrayList<>();

    @Test
    void nothingRunsUntilTimeIsAdvanced() {
        scheduler.execute(() -> ran.add("now"));
        scheduler.schedule(Duration.ofSeconds(1), () -> ran.add("later"));

        assertThat(ran).isEmpty();
        scheduler.runPending();
        assertThat(ran).containsExactly("now");
    }

    @Test
    void tasksRunInDueOrderAtTheirOwnTime() {
        long start = scheduler.millis();
        List<Long> at = new ArrayList<>();
        scheduler.schedule(Duration.ofMillis(300), () -> at.add(scheduler.millis() - start));
        scheduler.schedule(Duration.ofMillis(100), () -> at.add(scheduler.millis() - start));
        scheduler.schedule(Duration.ofMillis(200), () -> at.add(scheduler.millis() - start));

        scheduler.advance(Duration.ofSeconds(10));

        assertThat(at).containsExactly(100L, 200L, 300L);
        assertThat(scheduler.millis() - start).isEqualTo(10_000);
    }

    @Test
    void tasksPostedByTasksRunInTheSameAdvance() {
        scheduler.schedule(Duration.ofMillis(100), () -> {
            ran.add("first");
            scheduler.schedule(Duration.ofMillis(100), () -> ran.add("second"));
        });

        scheduler.advance(Duration.ofMillis(200));

        assertThat(ran).containsExactly("first", "second");
    }

    @Test
    void aCancelledTimerNeverRuns() {
        Scheduler.Timer timer = scheduler.schedule(Duration.ofMillis(100), () -> ran.add("cancelled"));
        timer.cancel();

        scheduler.advance(Duration.ofSeconds(1));

        assertThat(ran).isEmpty();
        assertThat(scheduler.pendingCount()).isZero();
    }

    @Test
    void tasksDueAtTheSameTimeRunInTheOrderTheyWerePosted() {
        for (int i = 0; i < 5; i++) {
            int n = i;
            scheduler.schedule(Duration.ofMillis(50), () -> ran.add("t" + n));
        }
        scheduler.advance(Duration.ofMillis(50));
        assertThat(ran).containsExactly("t0", "t1", "t2", "t3", "t4");
    }

    @Test
    void aDaysOfTimersPassInstantly() {
        int[] ticks = {0};
        Runnable[] tick = new Runnable[1];
        tick[0] = () -> {
            ticks[0]++;
            scheduler.schedule(Duration.ofSeconds(1), tick[0]);
        };
        scheduler.execute(tick[0]);

        scheduler.advance(Duration.ofDays(1));

        assertThat(ticks[0]).isEqualTo(86_401);
    }
}
