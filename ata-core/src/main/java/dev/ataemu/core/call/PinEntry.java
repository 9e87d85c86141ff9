package dev.ataemu.core.call;

import dev.ataemu.time.Scheduler;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A caller keying the gateway's PIN (FXO-07 to FXO-09, FXO-15): {@code #} or 4 s without a key
 * ends an attempt; a wrong PIN clears the entry for another try; three wrong tries, or 10 s
 * without the right one, and the caller is turned away.
 */
final class PinEntry {

    private static final Logger LOG = LoggerFactory.getLogger(PinEntry.class);
    static final Duration DIGIT_TIMEOUT = Duration.ofSeconds(4);
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final int ATTEMPTS = 3;

    private final String pin;
    private final Scheduler scheduler;
    private final Runnable accepted;
    private final Runnable refused;
    private final StringBuilder entered = new StringBuilder();
    private int attempts;
    private boolean over;
    private Scheduler.Timer digitTimer;
    private final Scheduler.Timer overallTimer;

    PinEntry(String pin, Scheduler scheduler, Runnable accepted, Runnable refused) {
        this.pin = pin;
        this.scheduler = scheduler;
        this.accepted = accepted;
        this.refused = refused;
        this.overallTimer = scheduler.schedule(TIMEOUT, () -> {
            LOG.info("no valid PIN within {} s", TIMEOUT.toSeconds());
            finish(refused);
        });
    }

    void key(char key) {
        if (over) {
            return;
        }
        cancelDigitTimer();
        if (key == '#') {
            check();
            return;
        }
        entered.append(key);
        digitTimer = scheduler.schedule(DIGIT_TIMEOUT, this::check);
    }

    /** The caller left: nothing more happens. */
    void cancel() {
        over = true;
        cancelDigitTimer();
        overallTimer.cancel();
    }

    private void check() {
        if (over || entered.isEmpty()) {
            return;
        }
        if (entered.toString().equals(pin)) {
            finish(accepted);
            return;
        }
        entered.setLength(0);
        if (++attempts >= ATTEMPTS) {
            LOG.info("{} wrong PINs", attempts);
            finish(refused);
        }
    }

    private void finish(Runnable outcome) {
        if (!over) {
            cancel();
            outcome.run();
        }
    }

    private void cancelDigitTimer() {
        if (digitTimer != null) {
            digitTimer.cancel();
            digitTimer = null;
        }
    }
}
