package dev.ataemu.media.rtp;

/**
 * What a receiver knows about one source (RFC 3550 section 6.4.1 and appendix A.1, A.3, A.8): the
 * extended highest sequence number, packets expected and received, and the interarrival jitter,
 * from which receiver reports are built.
 */
public final class ReceptionStatistics {

    private static final int MAX_DROPOUT = 3000;
    private static final int MAX_MISORDER = 100;
    private static final int SEQ_MOD = 1 << 16;

    private final int clockRate;
    private boolean started;
    private int maxSeq;
    private long cycles;
    private int baseSeq;
    private long received;
    private long expectedPrior;
    private long receivedPrior;
    private double jitter;
    private long lastTransit;
    private boolean transitKnown;

    public ReceptionStatistics(int clockRate) {
        this.clockRate = clockRate;
    }

    /** Accounts for one packet: its sequence number, its RTP timestamp and its arrival in milliseconds. */
    public synchronized void received(int sequence, long timestamp, long arrivalMillis) {
        if (!started) {
            started = true;
            baseSeq = sequence;
            maxSeq = sequence;
        } else {
            int delta = (sequence - maxSeq + SEQ_MOD) % SEQ_MOD;
            if (delta < MAX_DROPOUT) {
                if (sequence < maxSeq) {
                    cycles += SEQ_MOD;
                }
                maxSeq = sequence;
            } else if (delta <= SEQ_MOD - MAX_MISORDER) {
                // A jump too large to be loss: the source restarted its sequence.
                baseSeq = sequence;
                maxSeq = sequence;
                cycles = 0;
                received = 0;
                expectedPrior = 0;
                receivedPrior = 0;
            }
        }
        received++;
        long arrival = arrivalMillis * clockRate / 1000;
        long transit = arrival - timestamp;
        if (transitKnown) {
            double d = Math.abs(transit - lastTransit);
            jitter += (d - jitter) / 16;
        }
        lastTransit = transit;
        transitKnown = true;
    }

    public synchronized long extendedHighestSequence() {
        return cycles + maxSeq;
    }

    public synchronized long expected() {
        return started ? extendedHighestSequence() - baseSeq + 1 : 0;
    }

    public synchronized long received() {
        return received;
    }

    /** Packets lost since the start (negative when duplicates arrived, as RFC 3550 allows). */
    public synchronized long cumulativeLost() {
        return expected() - received;
    }

    /** Interarrival jitter in RTP timestamp units. */
    public synchronized long jitter() {
        return Math.round(jitter);
    }

    public double jitterMillis() {
        return jitter() * 1000.0 / clockRate;
    }

    /** The fraction lost since the previous call, as the 8-bit fixed-point number a report block carries. */
    public synchronized int fractionLostSinceLastReport() {
        long expectedInterval = expected() - expectedPrior;
        long receivedInterval = received - receivedPrior;
        expectedPrior = expected();
        receivedPrior = received;
        long lostInterval = expectedInterval - receivedInterval;
        return expectedInterval == 0 || lostInterval <= 0 ? 0 : (int) ((lostInterval << 8) / expectedInterval);
    }

    public synchronized boolean started() {
        return started;
    }
}
