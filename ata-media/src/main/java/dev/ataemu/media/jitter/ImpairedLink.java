package dev.ataemu.media.jitter;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * A one-way network path that loses, delays, reorders and duplicates packets as an
 * {@link Impairment} says, the same way for the same seed. Times are in ms; packets arriving at the
 * same ms come out in the order they were sent.
 */
public final class ImpairedLink<T> {

    private final Impairment impairment;
    private final SplittableRandom random;
    private final PriorityQueue<InFlight<T>> inFlight = new PriorityQueue<>();
    private long order;
    private long sent;
    private long lost;
    private long duplicated;
    private long reordered;

    public ImpairedLink(Impairment impairment, long seed) {
        this.impairment = Objects.requireNonNull(impairment, "impairment");
        this.random = new SplittableRandom(seed);
    }

    public void send(T packet, long nowMs) {
        sent++;
        if (random.nextDouble() < impairment.loss()) {
            lost++;
            return;
        }
        schedule(packet, nowMs);
        if (random.nextDouble() < impairment.duplication()) {
            duplicated++;
            schedule(packet, nowMs);
        }
    }

    /** The packets that have arrived by {@code nowMs}, in arrival order, with their arrival times. */
    public List<Arrival<T>> receive(long nowMs) {
        List<Arrival<T>> arrived = new ArrayList<>();
        while (!inFlight.isEmpty() && inFlight.peek().atMs <= nowMs) {
            InFlight<T> next = inFlight.poll();
            arrived.add(new Arrival<>(next.packet, next.atMs));
        }
        return arrived;
    }

    public long sent() {
        return sent;
    }

    public long lost() {
        return lost;
    }

    public long duplicated() {
        return duplicated;
    }

    public long reordered() {
        return reordered;
    }

    private void schedule(T packet, long nowMs) {
        long delay = impairment.baseDelayMs() + variation();
        if (random.nextDouble() < impairment.reordering()) {
            reordered++;
            delay += impairment.reorderDelayMs();
        }
        inFlight.add(new InFlight<>(nowMs + delay, order++, packet));
    }

    private long variation() {
        int range = impairment.jitterMs();
        if (range == 0) {
            return 0;
        }
        if (!impairment.normalJitter()) {
            return random.nextLong(range + 1L);
        }
        double gaussian = gaussian() * range / 6.0 + range / 2.0;
        return Math.round(Math.max(0, Math.min(range, gaussian)));
    }

    /** A standard normal draw (Box-Muller): SplittableRandom has none of its own. */
    private double gaussian() {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    public record Arrival<T>(T packet, long atMs) {
    }

    private record InFlight<T>(long atMs, long order, T packet) implements Comparable<InFlight<T>> {
        @Override
        public int compareTo(InFlight<T> other) {
            int byTime = Long.compare(atMs, other.atMs);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }
    }
}
