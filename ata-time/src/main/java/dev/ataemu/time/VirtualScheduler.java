package dev.ataemu.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.PriorityQueue;

/**
 * A {@link Scheduler} on virtual time. Nothing runs until the test says so: {@link #runPending()}
 * runs what is due now, {@link #advance(Duration)} moves time forward and runs each task at its
 * own due time, in order. Tasks run on the calling thread.
 */
public final class VirtualScheduler implements Scheduler {

    private final PriorityQueue<Entry> queue = new PriorityQueue<>();
    private final VirtualClock clock;
    private long sequence;

    public VirtualScheduler() {
        this(Instant.parse("2026-01-01T00:00:00Z"));
    }

    public VirtualScheduler(Instant start) {
        clock = new VirtualClock(start, ZoneOffset.UTC);
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public synchronized void execute(Runnable task) {
        queue.add(new Entry(clock.nowMillis, sequence++, task));
    }

    @Override
    public synchronized Timer schedule(Duration delay, Runnable task) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("negative delay " + delay);
        }
        Entry entry = new Entry(clock.nowMillis + delay.toMillis(), sequence++, task);
        queue.add(entry);
        return () -> cancel(entry);
    }

    /** Runs every task that is due at the current time, including tasks they post. */
    public void runPending() {
        advance(Duration.ZERO);
    }

    /** Moves time forward by {@code duration}, running each task when its due time is reached. */
    public void advance(Duration duration) {
        long target;
        synchronized (this) {
            target = clock.nowMillis + duration.toMillis();
        }
        Entry next;
        while ((next = pollDue(target)) != null) {
            next.task.run();
        }
        synchronized (this) {
            clock.nowMillis = target;
        }
    }

    /** How many tasks wait to run, now or later. */
    public synchronized int pendingCount() {
        return queue.size();
    }

    private synchronized Entry pollDue(long target) {
        Entry head = queue.peek();
        if (head == null || head.dueMillis > target) {
            return null;
        }
        queue.poll();
        clock.nowMillis = Math.max(clock.nowMillis, head.dueMillis);
        return head;
    }

    private synchronized void cancel(Entry entry) {
        queue.remove(entry);
    }

    private record Entry(long dueMillis, long sequence, Runnable task) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry other) {
            int byTime = Long.compare(dueMillis, other.dueMillis);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    private static final class VirtualClock extends Clock {
        private final long originMillis;
        private final ZoneId zone;
        private volatile long nowMillis;

        VirtualClock(Instant start, ZoneId zone) {
            this.originMillis = start.toEpochMilli();
            this.nowMillis = originMillis;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId newZone) {
            VirtualClock view = new VirtualClock(Instant.ofEpochMilli(originMillis), newZone);
            view.nowMillis = nowMillis;
            return view;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(nowMillis);
        }

        @Override
        public long millis() {
            return nowMillis;
        }
    }
}
