package dev.ataemu.media.events;

import dev.ataemu.media.audio.Audio;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4733 packets back into key presses (section 2.5.2), reporting each press once when its
 * first packet arrives, whichever it is, and once when it ends: at its first end packet, when the
 * next event begins, or after {@code timeoutMs} without news (all end packets lost). The RTP
 * timestamp names the event, so repeats, reordered updates and retransmitted end packets of a press
 * already seen change nothing, and sequence numbers are not needed. Packets older than the latest
 * event are stale and ignored. A long event continued in a new segment (no marker, same code,
 * timestamp at about the old duration) stays one press.
 */
public final class TelephoneEventReceiver {

    /** Ten missed 20 ms updates, or a few at a longer packet time. */
    public static final int DEFAULT_TIMEOUT_MS = 200;

    private static final int RATE_PER_MS = Audio.SAMPLE_RATE / 1000;
    /** A continuation starts where a full segment ended, within a second of the field's limit. */
    private static final long SEGMENT_MIN = TelephoneEvent.MAX_DURATION - Audio.SAMPLE_RATE;

    private final int timeoutMs;
    private long lastTimestamp;
    private boolean any;
    private Press current;

    public TelephoneEventReceiver(int timeoutMs) {
        this.timeoutMs = timeoutMs;
    }

    public TelephoneEventReceiver() {
        this(DEFAULT_TIMEOUT_MS);
    }

    /** A key press began (first packet seen) or ended; durations are in RTP units at 8 kHz. */
    public sealed interface Report {
        int event();
    }

    public record Began(int event, long timestamp) implements Report {
    }

    public record Ended(int event, long timestamp, long duration, Ending how) implements Report {
        public long durationMs() {
            return duration / RATE_PER_MS;
        }
    }

    public enum Ending { END_PACKET, NEXT_EVENT, TIMEOUT }

    public List<Report> receive(long rtpTimestamp, boolean marker, TelephoneEvent event, long nowMs) {
        List<Report> reports = new ArrayList<>(2);
        long ts = unwrap(rtpTimestamp);
        if (current != null && ts == current.segmentTimestamp) {
            if (!current.ended) {
                current.update(event, nowMs);
                if (event.end()) {
                    reports.add(current.end(Ending.END_PACKET));
                }
            }
            return reports;
        }
        if (current != null && ts < current.segmentTimestamp) {
            return reports;
        }
        if (current != null && !current.ended) {
            long gap = ts - current.segmentTimestamp;
            if (!marker && event.event() == current.event && gap >= SEGMENT_MIN && gap <= TelephoneEvent.MAX_DURATION) {
                current.continueAt(ts, event, nowMs);
                if (event.end()) {
                    reports.add(current.end(Ending.END_PACKET));
                }
                return reports;
            }
            reports.add(current.end(Ending.NEXT_EVENT));
        }
        current = new Press(event.event(), ts, nowMs);
        current.update(event, nowMs);
        reports.add(new Began(event.event(), ts & 0xFFFF_FFFFL));
        if (event.end()) {
            reports.add(current.end(Ending.END_PACKET));
        }
        return reports;
    }

    /** Ends a press whose end packets never came. Call it on the media clock, e.g. every 20 ms. */
    public List<Report> poll(long nowMs) {
        if (current != null && !current.ended && nowMs - current.lastHeardMs >= timeoutMs) {
            return List.of(current.end(Ending.TIMEOUT));
        }
        return List.of();
    }

    /** A new RTP stream (SSRC): its timestamps have nothing to do with the old ones. */
    public List<Report> reset() {
        List<Report> reports = current != null && !current.ended ? List.of(current.end(Ending.NEXT_EVENT)) : List.of();
        current = null;
        any = false;
        return reports;
    }

    private long unwrap(long timestamp) {
        if (!any) {
            any = true;
            lastTimestamp = timestamp;
            return timestamp;
        }
        long candidate = lastTimestamp - Math.floorMod(lastTimestamp, 1L << 32) + timestamp;
        if (candidate - lastTimestamp > 1L << 31) {
            candidate -= 1L << 32;
        } else if (lastTimestamp - candidate > 1L << 31) {
            candidate += 1L << 32;
        }
        lastTimestamp = Math.max(lastTimestamp, candidate);
        return candidate;
    }

    private static final class Press {
        final int event;
        final long timestamp;
        long segmentTimestamp;
        long earlierSegments;
        long duration;
        long lastHeardMs;
        boolean ended;

        Press(int event, long timestamp, long nowMs) {
            this.event = event;
            this.timestamp = timestamp;
            this.segmentTimestamp = timestamp;
            this.lastHeardMs = nowMs;
        }

        void update(TelephoneEvent packet, long nowMs) {
            duration = Math.max(duration, earlierSegments + packet.duration());
            lastHeardMs = nowMs;
        }

        void continueAt(long ts, TelephoneEvent packet, long nowMs) {
            earlierSegments = ts - timestamp;
            segmentTimestamp = ts;
            update(packet, nowMs);
        }

        Ended end(Ending how) {
            ended = true;
            return new Ended(event, timestamp & 0xFFFF_FFFFL, duration, how);
        }
    }
}
