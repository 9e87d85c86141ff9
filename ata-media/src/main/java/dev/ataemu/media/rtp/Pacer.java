package dev.ataemu.media.rtp;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * The media clock of the whole process: a few threads, each owning many streams, that park until the
 * next absolute 20 ms deadline and tick every stream due. A late tick does not move the grid; ticks
 * missed during a stall are caught up, up to a limit. Lateness is kept in a histogram for benchmarks.
 */
public final class Pacer implements AutoCloseable {

    public static final long PERIOD_NANOS = 20_000_000L;
    private static final int SLOTS = 20;
    private static final long SLOT_NANOS = PERIOD_NANOS / SLOTS;
    private static final int MAX_CATCH_UP = 5;

    private final List<Worker> workers = new ArrayList<>();
    private final Lateness lateness = new Lateness();
    private volatile boolean running = true;
    private int next;

    /** A stream the pacer ticks every 20 ms. */
    public interface Paced {
        void tick();
    }

    /** A stream's place on a pacing thread; cancel to stop its ticks. */
    public interface Registration {
        void cancel();
    }

    public Pacer(int threads, String name) {
        for (int i = 0; i < threads; i++) {
            Worker worker = new Worker();
            Thread thread = new Thread(worker, name + "-" + i);
            thread.setDaemon(true);
            thread.setPriority(Thread.MAX_PRIORITY);
            worker.thread = thread;
            workers.add(worker);
            thread.start();
        }
    }

    /**
     * Starts ticking a stream within the next period, on the next thread in turn, in the millisecond
     * slot of the period that thread has fewest streams in: streams that start together (a fleet's
     * calls placed by one script) are spread over the period instead of all falling due at once.
     */
    public synchronized Registration add(Paced stream) {
        Worker worker = workers.get(next++ % workers.size());
        long now = System.nanoTime();
        int slot = worker.quietestSlot();
        long phase = Math.floorMod(now, PERIOD_NANOS);
        long wanted = slot * SLOT_NANOS;
        long deadline = now + Math.floorMod(wanted - phase, PERIOD_NANOS) + PERIOD_NANOS;
        Entry entry = new Entry(stream, deadline, slot);
        worker.slots[slot]++;
        worker.pending.add(entry);
        LockSupport.unpark(worker.thread);
        return () -> {
            if (!entry.cancelled) {
                entry.cancelled = true;
                synchronized (Pacer.this) {
                    worker.slots[entry.slot]--;
                }
            }
        };
    }

    public Lateness lateness() {
        return lateness;
    }

    @Override
    public void close() {
        running = false;
        workers.forEach(worker -> LockSupport.unpark(worker.thread));
    }

    private static final class Entry implements Comparable<Entry> {
        final Paced stream;
        final int slot;
        long deadline;
        volatile boolean cancelled;

        Entry(Paced stream, long deadline, int slot) {
            this.stream = stream;
            this.deadline = deadline;
            this.slot = slot;
        }

        @Override
        public int compareTo(Entry other) {
            return Long.compare(deadline, other.deadline);
        }
    }

    private final class Worker implements Runnable {
        final ConcurrentLinkedQueue<Entry> pending = new ConcurrentLinkedQueue<>();
        final PriorityQueue<Entry> due = new PriorityQueue<>();
        final int[] slots = new int[SLOTS];
        Thread thread;

        int quietestSlot() {
            int best = 0;
            for (int i = 1; i < SLOTS; i++) {
                if (slots[i] < slots[best]) {
                    best = i;
                }
            }
            return best;
        }

        @Override
        public void run() {
            while (running) {
                Entry added;
                while ((added = pending.poll()) != null) {
                    due.add(added);
                }
                Entry head = due.peek();
                if (head == null) {
                    LockSupport.park(this);
                    continue;
                }
                long wait = head.deadline - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(this, wait);
                    continue;
                }
                due.poll();
                if (head.cancelled) {
                    continue;
                }
                lateness.record(-wait);
                try {
                    head.stream.tick();
                } catch (RuntimeException e) {
                    // One broken stream must not stop the others on this thread.
                    head.cancelled = true;
                    continue;
                }
                head.deadline += PERIOD_NANOS;
                long behind = System.nanoTime() - head.deadline;
                if (behind > MAX_CATCH_UP * PERIOD_NANOS) {
                    head.deadline += (behind / PERIOD_NANOS) * PERIOD_NANOS;
                }
                due.add(head);
            }
        }
    }

    /** How late ticks ran, in a histogram of 10 µs buckets up to 100 ms. */
    public static final class Lateness {
        private static final int BUCKET_NANOS = 10_000;
        private static final int BUCKETS = 10_000;
        private final AtomicLongArray buckets = new AtomicLongArray(BUCKETS + 1);

        void record(long lateNanos) {
            buckets.incrementAndGet((int) Math.min(BUCKETS, lateNanos / BUCKET_NANOS));
        }

        public long count() {
            long total = 0;
            for (int i = 0; i <= BUCKETS; i++) {
                total += buckets.get(i);
            }
            return total;
        }

        /** The lateness in microseconds below which this fraction (0..1) of ticks ran. */
        public double percentileMicros(double fraction) {
            long total = count();
            long wanted = (long) Math.ceil(total * fraction);
            long seen = 0;
            for (int i = 0; i <= BUCKETS; i++) {
                seen += buckets.get(i);
                if (seen >= wanted && wanted > 0) {
                    return (i + 1) * BUCKET_NANOS / 1000.0;
                }
            }
            return 0;
        }

        public double maxMicros() {
            for (int i = BUCKETS; i >= 0; i--) {
                if (buckets.get(i) > 0) {
                    return (i + 1) * BUCKET_NANOS / 1000.0;
                }
            }
            return 0;
        }

        public void reset() {
            for (int i = 0; i <= BUCKETS; i++) {
                buckets.set(i, 0);
            }
        }
    }
}
