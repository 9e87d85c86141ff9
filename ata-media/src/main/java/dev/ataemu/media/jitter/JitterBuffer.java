package dev.ataemu.media.jitter;

import dev.ataemu.media.audio.Audio;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The receive side's jitter buffer for one RTP stream. {@link #receive} takes packets as they
 * arrive; {@link #tick}, called every 20 ms by the playout clock, answers with what to decode for
 * the next 160 samples. Both take times in ms on the device clock.
 *
 * <p>Packets are ordered by sequence number; timestamp gaps between consecutive packets, or a marker
 * bit, mark talk spurts. The audio of timestamp {@code T} plays at {@code (T + offset) / 8} ms; a packet
 * arriving after that is late. The delay is measured beyond the fastest packet of the last few
 * seconds (the minimum of arrival minus timestamp), which cancels the unknown clock offset and
 * follows a drifting sender clock. A new talk spurt starts at the tick nearest to the target delay;
 * within a spurt, a packet is dropped when the delay is 3/4 of a packet over the target, a frame
 * inserted (concealed) when it is half a frame under.
 * The target is constant for {@link JitterBufferType#FIXED}, and for {@link JitterBufferType#ADAPTIVE}
 * the 99th percentile of recent delays plus a margin, within the length's bounds.
 */
public final class JitterBuffer {

    private static final int RATE_PER_MS = Audio.SAMPLE_RATE / 1000;
    private static final int FRAME = Audio.FRAME_SAMPLES;
    /** Five seconds of 20 ms packets: long enough for a stable percentile, short enough to follow drift. */
    private static final int WINDOW_PACKETS = 250;
    private static final int WARM_UP_PACKETS = 50;
    private static final double DELAY_QUANTILE = 0.99;
    private static final int MARGIN_MS = 10;
    /** Adjustments at least 100 ms apart, so a skipped or stretched frame is never followed by another at once. */
    private static final int ADJUST_EVERY_TICKS = 5;
    /** After this much concealment with nothing buffered, the far end has stopped talking. */
    private static final int MAX_CONCEAL_SAMPLES = 5 * FRAME;
    /** A larger jump in transit is a new timeline from the sender, not network delay (RFC 3550 A.1's dropout, in time). */
    private static final long RESYNC_TRANSIT = 1000L * RATE_PER_MS;
    private static final int MAX_DROPOUT = 3000;
    private static final int CAPACITY = 500;
    private static final int SEEN_HISTORY = 1024;

    private final JitterBufferType type;
    private final JitterBufferLength length;
    private final TreeMap<Long, Buffered> queue = new TreeMap<>();
    private final TransitWindow transits = new TransitWindow(WINDOW_PACKETS);
    private final long[] seen = new long[SEEN_HISTORY];

    private Long ssrc;
    private Unwrapper sequences;
    private Unwrapper timestamps;
    private long firstSeq;
    private long highestSeq;
    private long receivedInStream;
    private long lostInEarlierStreams;

    private boolean started;
    private boolean playing;
    private long nextSeq;
    private long horizon;
    private int deficit;
    private int packetSamples = FRAME;
    private int concealRun;
    /** Concealment with nothing buffered: a gap if the stream goes on, the talk spurt's tail if not. */
    private int unconfirmedConceal;
    private long offset;
    private int targetMs;
    private int ticksSinceAdjust;

    private boolean haveLastTransit;
    private long lastTransit;
    private double jitter;

    private long received;
    private long late;
    private long duplicates;
    private long concealedSamples;
    private long droppedSamples;
    private long insertedSamples;

    public JitterBuffer(JitterBufferType type, JitterBufferLength length) {
        this.type = Objects.requireNonNull(type, "type");
        this.length = Objects.requireNonNull(length, "length");
        this.targetMs = length.fixedMs();
        newStream();
    }

    public void receive(MediaPacket packet, long arrivalMs) {
        if (ssrc == null || ssrc != packet.ssrc()) {
            ssrc = packet.ssrc();
            newStream();
        }
        long seq = sequences.unwrap(packet.sequenceNumber());
        if (receivedInStream > 0 && highestSeq - seq > MAX_DROPOUT) {
            received++;
            late++;
            return;
        }
        if (receivedInStream > 0 && seq - highestSeq > MAX_DROPOUT) {
            newStream();
            seq = sequences.unwrap(packet.sequenceNumber());
        }
        long ts = timestamps.unwrap(packet.timestamp());
        long transit = arrivalMs * RATE_PER_MS - ts;
        if (transits.size() > 0 && Math.abs(transit - transits.min()) > RESYNC_TRANSIT) {
            newStream();
            seq = sequences.unwrap(packet.sequenceNumber());
            ts = timestamps.unwrap(packet.timestamp());
        }
        int slot = (int) Math.floorMod(seq, (long) SEEN_HISTORY);
        if (seen[slot] == seq) {
            duplicates++;
            return;
        }
        seen[slot] = seq;
        if (receivedInStream == 0) {
            firstSeq = seq;
            highestSeq = seq;
        }
        firstSeq = Math.min(firstSeq, seq);
        highestSeq = Math.max(highestSeq, seq);
        receivedInStream++;
        received++;
        measure(transit);
        if (started && seq < nextSeq) {
            late++;
            return;
        }
        queue.put(seq, new Buffered(seq, ts, packet));
        if (queue.size() > CAPACITY) {
            Buffered oldest = queue.pollFirstEntry().getValue();
            droppedSamples += oldest.packet.samples();
        }
    }

    /** The decisions for the next 20 ms: together at least what the caller still lacks of 160 samples. */
    public List<Playout> tick(long nowMs) {
        List<Playout> out = new ArrayList<>(2);
        deficit += FRAME;
        discardLate();
        if (!playing && (queue.isEmpty() || !start(queue.firstEntry().getValue(), nowMs))) {
            out.add(new Playout.Silence(deficit));
            deficit = 0;
            return out;
        }
        offset = nowMs * RATE_PER_MS - horizon + (FRAME - deficit) - lead(packetSamples);
        adjust(out);
        while (deficit > 0) {
            if (!playNext(nowMs, out)) {
                playing = false;
                unconfirmedConceal = 0;
                out.add(new Playout.Silence(deficit));
                deficit = 0;
            }
        }
        return out;
    }

    public JitterStatistics statistics() {
        int currentMs = transits.size() == 0 ? 0 : (int) ((offset - transits.min()) / RATE_PER_MS);
        return new JitterStatistics(received, lost(), late, duplicates, concealedSamples / FRAME,
                droppedSamples / FRAME, insertedSamples / FRAME, started ? currentMs : 0, targetMs,
                jitter / RATE_PER_MS);
    }

    private long lost() {
        long expected = receivedInStream == 0 ? 0 : highestSeq - firstSeq + 1;
        return lostInEarlierStreams + Math.max(0, expected - receivedInStream);
    }

    private void newStream() {
        lostInEarlierStreams = lost();
        sequences = new Unwrapper(16);
        timestamps = new Unwrapper(32);
        receivedInStream = 0;
        Arrays.fill(seen, Long.MIN_VALUE);
        queue.clear();
        transits.clear();
        haveLastTransit = false;
        started = false;
        playing = false;
        concealRun = 0;
        unconfirmedConceal = 0;
    }

    /** RFC 3550 6.4.1 interarrival jitter, in arrival order; and the window behind the target delay. */
    private void measure(long transit) {
        if (haveLastTransit) {
            jitter += (Math.abs(transit - lastTransit) - jitter) / 16;
        }
        haveLastTransit = true;
        lastTransit = transit;
        transits.add(transit);
        if (type == JitterBufferType.ADAPTIVE && transits.size() >= WARM_UP_PACKETS) {
            long spread = transits.quantile(DELAY_QUANTILE) - transits.min();
            int wanted = (int) ((spread + RATE_PER_MS - 1) / RATE_PER_MS) + MARGIN_MS;
            targetMs = Math.max(length.minMs(), Math.min(length.maxMs(), wanted));
        }
    }

    private long anchor() {
        return transits.min() + (long) targetMs * RATE_PER_MS;
    }

    /** Packets whose audio time has passed while we concealed with an empty queue. */
    private void discardLate() {
        while (started && !queue.isEmpty()) {
            Buffered first = queue.firstEntry().getValue();
            boolean newSpurt = first.packet.marker();
            if (first.seq >= nextSeq && (newSpurt || first.ts + first.packet.samples() > horizon)) {
                return;
            }
            queue.pollFirstEntry();
            late++;
            confirmConcealment();
            nextSeq = Math.max(nextSeq, first.seq + 1);
        }
    }

    /**
     * How long before its playout a packet is handed to the decoder, in the worst phase: a tick takes
     * whole packets, so with 10 or 30 ms packets some are decoded while the one before still plays.
     */
    private static int lead(int samples) {
        return FRAME - gcd(samples, FRAME);
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** Starts a talk spurt at the tick nearest to its first packet's playout at the target delay. */
    private boolean start(Buffered first, long nowMs) {
        if (first.ts + anchor() + lead(first.packet.samples()) > nowMs * RATE_PER_MS + FRAME / 2) {
            return false;
        }
        packetSamples = first.packet.samples();
        if (!playing) {
            playing = true;
            started = true;
            concealRun = 0;
            ticksSinceAdjust = 0;
        }
        nextSeq = first.seq;
        horizon = first.ts;
        return true;
    }

    /** Drops or stretches one frame when the delay has strayed from the target. */
    private void adjust(List<Playout> out) {
        if (++ticksSinceAdjust < ADJUST_EVERY_TICKS || transits.size() == 0) {
            return;
        }
        long excess = offset - anchor();
        Buffered next = queue.get(nextSeq);
        if (next != null && next.ts == horizon && queue.size() > 1 && excess > next.packet.samples() * 3L / 4) {
            queue.remove(nextSeq);
            nextSeq++;
            horizon += next.packet.samples();
            droppedSamples += next.packet.samples();
            ticksSinceAdjust = 0;
        } else if (excess < -FRAME / 2) {
            out.add(new Playout.Conceal(FRAME));
            deficit -= FRAME;
            insertedSamples += FRAME;
            ticksSinceAdjust = 0;
        }
    }

    /** Adds one decision; false when the talk spurt is over. */
    private boolean playNext(long nowMs, List<Playout> out) {
        Buffered next = queue.get(nextSeq);
        if (next != null) {
            if ((next.ts > horizon || next.packet.marker()) && !start(next, nowMs)) {
                return false;
            }
            queue.remove(nextSeq);
            nextSeq++;
            horizon = Math.max(horizon, next.ts) + next.packet.samples();
            packetSamples = next.packet.samples();
            deficit -= packetSamples;
            confirmConcealment();
            out.add(new Playout.Decode(next.packet.payload(), packetSamples));
            return true;
        }
        Map.Entry<Long, Buffered> later = queue.higherEntry(nextSeq);
        if (later == null && concealRun >= MAX_CONCEAL_SAMPLES) {
            return false;
        }
        int samples = packetSamples;
        if (later != null) {
            // the missing packet's slot is used up now; if it turns up it is late
            nextSeq++;
            long gap = later.getValue().ts - horizon;
            if (gap <= 0) {
                return true;
            }
            samples = (int) Math.min(samples, gap);
        }
        horizon += samples;
        deficit -= samples;
        concealRun += samples;
        if (later == null) {
            unconfirmedConceal += samples;
        } else {
            concealedSamples += samples;
        }
        out.add(new Playout.Conceal(samples));
        return true;
    }

    private void confirmConcealment() {
        concealedSamples += unconfirmedConceal;
        unconfirmedConceal = 0;
        concealRun = 0;
    }

    private record Buffered(long seq, long ts, MediaPacket packet) {
    }
}
