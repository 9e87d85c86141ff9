package dev.ataemu.media.rtp;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/** How many packets were dropped, by reason; safe to count from event-loop threads. */
public final class DropCounters {

    private final AtomicLongArray counts = new AtomicLongArray(DropReason.values().length);

    public void count(DropReason reason) {
        counts.incrementAndGet(reason.ordinal());
    }

    public long get(DropReason reason) {
        return counts.get(reason.ordinal());
    }

    public long total() {
        long sum = 0;
        for (int i = 0; i < counts.length(); i++) {
            sum += counts.get(i);
        }
        return sum;
    }

    public Map<DropReason, Long> snapshot() {
        Map<DropReason, Long> map = new EnumMap<>(DropReason.class);
        for (DropReason reason : DropReason.values()) {
            long n = counts.get(reason.ordinal());
            if (n > 0) {
                map.put(reason, n);
            }
        }
        return map;
    }
}
