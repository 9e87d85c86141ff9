package dev.ataemu.hal.fxs;

import dev.ataemu.media.tone.ToneSpec;
import dev.ataemu.time.Scheduler;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Puts ringing voltage on the line in a cadence such as {@code c=2000/4000;} (on 2 s, off 4 s,
 * repeated), and says when the first ring ends, which is when on-hook caller ID may be sent.
 */
final class Ringer {

    private final Scheduler scheduler;
    private final Consumer<Boolean> voltage;
    private List<ToneSpec.CadenceStep> cadence = List.of();
    private Runnable afterFirstRing = () -> { };
    private Scheduler.Timer next;
    private int step;
    private int rings;
    private boolean on;

    Ringer(Scheduler scheduler, Consumer<Boolean> voltage) {
        this.scheduler = scheduler;
        this.voltage = voltage;
    }

    boolean active() {
        return next != null || on;
    }

    /** Rings completed or begun since {@link #start}. */
    int rings() {
        return rings;
    }

    void start(List<ToneSpec.CadenceStep> steps, Runnable firstRingEnded) {
        stop();
        List<ToneSpec.CadenceStep> usable = steps.stream().filter(s -> s.onMs() > 0 || s.offMs() > 0).toList();
        cadence = usable.isEmpty() ? List.of(new ToneSpec.CadenceStep(2000, 4000)) : usable;
        afterFirstRing = firstRingEnded;
        step = 0;
        rings = 0;
        ringStep();
    }

    void stop() {
        if (next != null) {
            next.cancel();
            next = null;
        }
        if (on) {
            on = false;
            voltage.accept(false);
        }
    }

    private void ringStep() {
        ToneSpec.CadenceStep current = cadence.get(step);
        step = (step + 1) % cadence.size();
        if (current.onMs() == 0) {
            next = scheduler.schedule(Duration.ofMillis(current.offMs()), this::ringStep);
            return;
        }
        rings++;
        on = true;
        voltage.accept(true);
        next = scheduler.schedule(Duration.ofMillis(current.onMs()), () -> {
            on = false;
            voltage.accept(false);
            if (rings == 1) {
                afterFirstRing.run();
            }
            next = scheduler.schedule(Duration.ofMillis(current.offMs()), this::ringStep);
        });
    }
}
