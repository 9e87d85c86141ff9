package dev.ataemu.time;

import java.time.Clock;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Scheduler} on real time. Its tasks run one at a time, in order, on a thread of its own
 * or on threads it shares with other devices ({@link SchedulerThreads}); either way the thread is
 * named after the device while it runs the device's tasks.
 */
public final class RealTimeScheduler implements Scheduler, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RealTimeScheduler.class);
    /** Tasks run in one turn before the thread goes to another device's. */
    private static final int TURN = 64;

    private final Clock clock = new MonotonicClock();
    private final String name;
    private final ScheduledThreadPoolExecutor executor;
    private final boolean ownsExecutor;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile boolean closed;

    /** A scheduler with its own thread, named {@code name}. */
    public RealTimeScheduler(String name) {
        this(name, SchedulerThreads.executor(1, () -> name), true);
    }

    RealTimeScheduler(String name, ScheduledThreadPoolExecutor executor, boolean ownsExecutor) {
        this.name = name;
        this.executor = executor;
        this.ownsExecutor = ownsExecutor;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public void execute(Runnable task) {
        if (closed) {
            return;
        }
        tasks.add(task);
        takeTurn();
    }

    /**
     * The timer only hands the task to this scheduler's queue. A task called off after its time has
     * come but before it ran must still not run: the flag is checked in the queue, on the device's turn.
     */
    @Override
    public Timer schedule(Duration delay, Runnable task) {
        AtomicBoolean cancelled = new AtomicBoolean();
        Runnable unlessCancelled = () -> {
            if (!cancelled.get()) {
                task.run();
            }
        };
        try {
            ScheduledFuture<?> future = executor.schedule(() -> execute(unlessCancelled), delay.toNanos(),
                    TimeUnit.NANOSECONDS);
            return () -> {
                cancelled.set(true);
                future.cancel(false);
            };
        } catch (RejectedExecutionException stopped) {
            return () -> cancelled.set(true);
        }
    }

    private void takeTurn() {
        if (!closed && queued.compareAndSet(false, true)) {
            try {
                executor.execute(this::runTurn);
            } catch (RejectedExecutionException stopped) {
                queued.set(false);
            }
        }
    }

    private void runTurn() {
        Thread thread = Thread.currentThread();
        String threadName = thread.getName();
        // Renaming is a system call: a device's own thread already has its name.
        boolean rename = !threadName.equals(name);
        if (rename) {
            thread.setName(name);
        }
        try {
            Runnable task;
            for (int run = 0; run < TURN && !closed && (task = tasks.poll()) != null; run++) {
                runGuarded(task);
            }
        } finally {
            if (rename) {
                thread.setName(threadName);
            }
            queued.set(false);
        }
        if (!tasks.isEmpty()) {
            takeTurn();
        }
    }

    // One failing task must not stop the device: log it and carry on with the next.
    private static void runGuarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            LOG.error("Device task failed", e);
        }
    }

    /** Stops taking tasks and waits briefly for the one that is running. */
    @Override
    public void close() {
        closed = true;
        tasks.clear();
        if (ownsExecutor) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (queued.get() && System.nanoTime() < deadline && !Thread.currentThread().getName().equals(name)) {
            Thread.onSpinWait();
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
