package dev.ataemu.sip.stack;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.stack.SIPStackTimerTask;
import gov.nist.javax.sip.stack.timers.SipTimer;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * jain-sip's transaction timers for every stack in the process on two shared threads, where jain-sip
 * would start a timer thread per stack: a fleet has two stacks per device. jain-sip makes one of
 * these per stack (by class name); stopping a stack calls off its own timers only.
 */
public final class SharedSipTimer implements SipTimer {

    private static final Logger LOG = LoggerFactory.getLogger(SharedSipTimer.class);
    private static final ScheduledThreadPoolExecutor THREADS = threads();

    private final Set<Pending> pending = ConcurrentHashMap.newKeySet();
    private volatile boolean started;

    private static ScheduledThreadPoolExecutor threads() {
        AtomicInteger count = new AtomicInteger();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(2, runnable -> {
            Thread thread = new Thread(runnable, "sip-timer-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    @Override
    public void start(SipStackImpl stack, Properties configuration) {
        started = true;
    }

    @Override
    public boolean isStarted() {
        return started;
    }

    @Override
    public void stop() {
        started = false;
        pending.forEach(Pending::cancel);
    }

    @Override
    public boolean schedule(SIPStackTimerTask task, long delayMs) {
        if (!started) {
            return false;
        }
        Pending entry = new Pending(task, true);
        pending.add(entry);
        entry.future = THREADS.schedule(entry, delayMs, TimeUnit.MILLISECONDS);
        task.setSipTimerTask(entry);
        return true;
    }

    @Override
    public boolean scheduleWithFixedDelay(SIPStackTimerTask task, long delayMs, long periodMs) {
        if (!started) {
            return false;
        }
        Pending entry = new Pending(task, false);
        pending.add(entry);
        entry.future = THREADS.scheduleWithFixedDelay(entry, delayMs, periodMs, TimeUnit.MILLISECONDS);
        task.setSipTimerTask(entry);
        return true;
    }

    @Override
    public boolean cancel(SIPStackTimerTask task) {
        task.cleanUpBeforeCancel();
        return task.getSipTimerTask() instanceof Pending entry && entry.cancel();
    }

    /** One scheduled task of this stack, forgotten once it has run (a periodic one once called off). */
    private final class Pending implements Runnable {
        private final SIPStackTimerTask task;
        private final boolean once;
        private volatile Future<?> future;

        Pending(SIPStackTimerTask task, boolean once) {
            this.task = task;
            this.once = once;
        }

        @Override
        public void run() {
            try {
                task.runTask();
            } catch (RuntimeException e) {
                // A failing timer must not take the other stacks' timers with it.
                LOG.warn("SIP timer task failed", e);
            } finally {
                if (once) {
                    pending.remove(this);
                }
            }
        }

        boolean cancel() {
            pending.remove(this);
            Future<?> scheduled = future;
            return scheduled != null && scheduled.cancel(false);
        }
    }
}
