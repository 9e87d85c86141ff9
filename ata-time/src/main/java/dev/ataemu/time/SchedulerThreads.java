package dev.ataemu.time;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads that many devices' schedulers share: a fleet of hundreds of devices needs a handful of
 * threads, not one each. Each {@link RealTimeScheduler} made here still runs its own tasks one at a
 * time and in order; only the threads are shared.
 */
public final class SchedulerThreads implements AutoCloseable {

    private final ScheduledThreadPoolExecutor executor;

    /** {@code threads} threads named {@code name-1}, {@code name-2}, ... */
    public SchedulerThreads(String name, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("a scheduler needs at least one thread, not " + threads);
        }
        AtomicInteger count = new AtomicInteger();
        executor = executor(threads, () -> name + "-" + count.incrementAndGet());
    }

    /** Daemon threads, named as {@code names} says; timers called off leave the queue at once. */
    static ScheduledThreadPoolExecutor executor(int threads, java.util.function.Supplier<String> names) {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(threads, runnable -> {
            Thread thread = new Thread(runnable, names.get());
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return executor;
    }

    /** A device's serial scheduler on these threads; its tasks run under the thread name {@code name}. */
    public RealTimeScheduler scheduler(String name) {
        return new RealTimeScheduler(name, executor, false);
    }

    /** Stops every scheduler made here and waits briefly for the tasks that are running. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
