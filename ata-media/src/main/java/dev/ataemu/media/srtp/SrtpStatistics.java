package dev.ataemu.media.srtp;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** A snapshot of one context's counters. */
public record SrtpStatistics(long rtpProtected, long rtpUnprotected, long rtcpProtected, long rtcpUnprotected,
        Map<DropReason, Long> drops) {

    public SrtpStatistics {
        drops = Collections.unmodifiableMap(new EnumMap<>(drops));
    }

    public long dropped(DropReason reason) {
        return drops.getOrDefault(reason, 0L);
    }

    public long totalDropped() {
        return drops.values().stream().mapToLong(Long::longValue).sum();
    }
}
