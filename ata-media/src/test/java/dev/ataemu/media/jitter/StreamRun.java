package dev.ataemu.media.jitter;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Plays a sender's packets through an impaired link into a jitter buffer on simulated time: the
 * sender's k-th packet leaves at k packet times of its own clock, which may run fast or slow
 * against the receiver's; the receiver ticks every 20 ms.
 */
final class StreamRun {

    static final long SSRC = 0x1234_5678L;

    final List<Playout> decisions = new ArrayList<>();
    final List<Integer> decoded = new ArrayList<>();
    final List<Integer> concealRuns = new ArrayList<>();
    /** Silences between the first and the last packet played: gaps the listener hears as dropouts. */
    int silenceAfterStart;
    int minDelayMs = Integer.MAX_VALUE;
    int maxDelayMs;
    JitterStatistics statistics;

    static byte[] payload(int index) {
        return ByteBuffer.allocate(4).putInt(index).array();
    }

    static int index(byte[] payload) {
        return ByteBuffer.wrap(payload).getInt();
    }

    static MediaPacket packet(int index, int firstSeq, long firstTs, int samples, boolean marker) {
        return new MediaPacket(SSRC, (firstSeq + index) & 0xFFFF, (firstTs + (long) index * samples) & 0xFFFF_FFFFL,
                marker, payload(index), samples);
    }

    /**
     * @param senderRate the sender's clock against ours: 1.001 sends 0.1 % fast
     * @param settleMs   delays are traced only after this time
     */
    static StreamRun run(JitterBuffer buffer, ImpairedLink<MediaPacket> link, int packets, int samples,
            double senderRate, long settleMs) {
        StreamRun run = new StreamRun();
        double packetMs = samples / 8.0 / senderRate;
        long endMs = (long) (packets * packetMs) + 1000;
        int next = 0;
        int conceal = 0;
        boolean started = false;
        int silenceSinceDecode = 0;
        for (long now = 0; now <= endMs; now += 20) {
            while (next < packets && (long) (next * packetMs) <= now) {
                link.send(packet(next, 1000, 5000, samples, next == 0), (long) (next * packetMs));
                next++;
            }
            for (ImpairedLink.Arrival<MediaPacket> arrival : link.receive(now)) {
                buffer.receive(arrival.packet(), arrival.atMs());
            }
            boolean streaming = next < packets;
            for (Playout playout : buffer.tick(now)) {
                run.decisions.add(playout);
                if (playout instanceof Playout.Decode decode) {
                    started = true;
                    run.silenceAfterStart += silenceSinceDecode;
                    silenceSinceDecode = 0;
                    run.decoded.add(index(decode.payload()));
                    conceal = run.endRun(conceal);
                } else if (playout instanceof Playout.Conceal) {
                    conceal++;
                } else if (started) {
                    silenceSinceDecode++;
                }
            }
            if (now >= settleMs && streaming) {
                int delay = buffer.statistics().currentDelayMs();
                run.minDelayMs = Math.min(run.minDelayMs, delay);
                run.maxDelayMs = Math.max(run.maxDelayMs, delay);
            }
        }
        run.endRun(conceal);
        run.statistics = buffer.statistics();
        return run;
    }

    private int endRun(int conceal) {
        if (conceal > 0) {
            concealRuns.add(conceal);
        }
        return 0;
    }

    long runsOfAtLeast(int length) {
        return concealRuns.stream().filter(n -> n >= length).count();
    }
}
