package dev.ataemu.sip.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.time.VirtualScheduler;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SessionTimerTest {

    private final VirtualScheduler scheduler = new VirtualScheduler();
    private final AtomicInteger refreshes = new AtomicInteger();
    private final AtomicInteger expiries = new AtomicInteger();
    private final SessionTimer timer = new SessionTimer(scheduler, refreshes::incrementAndGet, expiries::incrementAndGet);

    @Test
    @DisplayName("PLAT-55 the refresher refreshes at half the interval, and again after each answered refresh")
    void refresherRefreshesAtHalf() {
        timer.start(new SessionTimers.Agreement(180, SessionTimers.Refresher.UAS), true);
        scheduler.advance(Duration.ofSeconds(89));
        assertThat(refreshes).hasValue(0);
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(refreshes).hasValue(1);
        timer.refreshed();
        scheduler.advance(Duration.ofSeconds(90));
        assertThat(refreshes).hasValue(2);
        assertThat(expiries).hasValue(0);
    }

    @Test
    @DisplayName("PLAT-55 without refreshes the other side ends the session min(32 s, interval/3) before it runs out")
    void expiresWithoutRefresh() {
        timer.start(new SessionTimers.Agreement(180, SessionTimers.Refresher.UAC), false);
        scheduler.advance(Duration.ofSeconds(100));
        timer.refreshed();
        scheduler.advance(Duration.ofSeconds(147));
        assertThat(expiries).as("refreshed at 100 s: the new interval runs until 248 s").hasValue(0);
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(expiries).hasValue(1);

        timer.start(new SessionTimers.Agreement(90, SessionTimers.Refresher.UAC), false);
        scheduler.advance(Duration.ofSeconds(59));
        assertThat(expiries).hasValue(1);
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(expiries).as("90 s less a third").hasValue(2);
    }

    @Test
    @DisplayName("PLAT-55 a stopped timer neither refreshes nor expires")
    void stopped() {
        timer.start(new SessionTimers.Agreement(90, SessionTimers.Refresher.UAS), true);
        timer.stop();
        timer.refreshed();
        scheduler.advance(Duration.ofMinutes(10));
        assertThat(refreshes).hasValue(0);
        assertThat(expiries).hasValue(0);
    }
}
