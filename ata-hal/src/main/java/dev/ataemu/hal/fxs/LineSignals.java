package dev.ataemu.hal.fxs;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import dev.ataemu.time.Scheduler;

/**
 * Plays {@link LineSignal}s on an FXS line frame by frame. While a signal plays it replaces the
 * line's other audio, so the far end is muted during a call-waiting alert as the standard wants.
 */
final class LineSignals {

    private final FxsPort port;
    private final Deque<LineSignal.Step> steps = new ArrayDeque<>();
    private short[] samples;
    private int position;
    private Runnable whenDone = () -> { };
    private LineSignal.AwaitKey waiting;
    private Scheduler.Timer waitTimeout;

    LineSignals(FxsPort port) {
        this.port = port;
    }

    boolean active() {
        return samples != null || waiting != null || !steps.isEmpty();
    }

    void send(LineSignal signal, Runnable then) {
        cancel();
        steps.addAll(signal.steps());
        whenDone = then;
        if (steps.isEmpty()) {
            then.run();
        }
    }

    void cancel() {
        steps.clear();
        samples = null;
        waiting = null;
        if (waitTimeout != null) {
            waitTimeout.cancel();
            waitTimeout = null;
        }
    }

    /** Replaces the frame with the signal's audio while a signal plays. */
    void overlay(short[] frame) {
        if (!active()) {
            return;
        }
        int filled = 0;
        while (filled < frame.length && waiting == null) {
            if (samples == null && !nextStep()) {
                break;
            }
            if (samples == null) {
                continue;
            }
            int count = Math.min(frame.length - filled, samples.length - position);
            System.arraycopy(samples, position, frame, filled, count);
            filled += count;
            position += count;
            if (position == samples.length) {
                samples = null;
            }
        }
        Arrays.fill(frame, filled, frame.length, (short) 0);
        // Steps that take no time (events, waiting for a key) start as soon as the audio before them ends.
        while (samples == null && waiting == null && steps.peek() != null
                && !(steps.peek() instanceof LineSignal.Samples)) {
            nextStep();
        }
        if (!active()) {
            Runnable then = whenDone;
            whenDone = () -> { };
            then.run();
        }
    }

    /** Offers a key the telephone sent; true when the signal was waiting for it. */
    boolean claimKey(char key) {
        if (waiting == null || !waiting.keys().contains(key)) {
            return false;
        }
        waiting = null;
        waitTimeout.cancel();
        waitTimeout = null;
        return true;
    }

    // Runs steps that take no time; returns false when nothing is left.
    private boolean nextStep() {
        LineSignal.Step step = steps.poll();
        if (step == null) {
            return false;
        }
        if (step instanceof LineSignal.Samples audio) {
            samples = audio.samples();
            position = 0;
            if (samples.length == 0) {
                samples = null;
            }
        } else if (step instanceof LineSignal.Event event) {
            port.lineSignalEvent(event);
        } else if (step instanceof LineSignal.AwaitKey await) {
            waiting = await;
            waitTimeout = port.scheduler().schedule(Duration.ofMillis(await.timeoutMs()), () -> {
                waitTimeout = null;
                cancel();
            });
        }
        return true;
    }
}
