package dev.ataemu.media.events;

import dev.ataemu.media.audio.Audio;
import dev.ataemu.media.dtmf.DtmfDigit;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a key press into RFC 4733 packets (section 2.5.1): one per packet time while the key is held,
 * all with the press's start timestamp and a growing duration, the marker bit on the first; then the
 * end packet, repeated. Grandstream's settings: "RFC2833 Events Count" (P28173) is the number of
 * packets before the end packets; with "Generate Continuous RFC2833 Events" (P4433) off that is what
 * every press sends whatever its length, with it on the packets go on while the key is held and the
 * count is the least sent, so that a short tap still survives loss. "RFC2833 End Events Count"
 * (P28177) is how many end packets are sent.
 */
public final class TelephoneEventSender {

    public static final int DEFAULT_EVENTS_COUNT = 8;
    public static final int DEFAULT_END_COUNT = 3;
    /** -10 dBm0, about the level of a telephone's DTMF tones. */
    public static final int DEFAULT_VOLUME = 10;

    private static final int RATE_PER_MS = Audio.SAMPLE_RATE / 1000;

    private final int packetMs;
    private final int eventsCount;
    private final int endCount;
    private final boolean continuous;

    public TelephoneEventSender(int packetMs, int eventsCount, int endCount, boolean continuous) {
        if (packetMs <= 0 || eventsCount < 1 || endCount < 1) {
            throw new IllegalArgumentException("packet time " + packetMs + " ms, " + eventsCount + " events, "
                    + endCount + " end packets");
        }
        this.packetMs = packetMs;
        this.eventsCount = eventsCount;
        this.endCount = endCount;
        this.continuous = continuous;
    }

    /** The defaults: 20 ms packets, 8 events, 3 end packets, not continuous. */
    public TelephoneEventSender() {
        this(Audio.FRAME_MS, DEFAULT_EVENTS_COUNT, DEFAULT_END_COUNT, false);
    }

    public List<EventPacket> press(DtmfDigit digit, long startTimestamp, int pressMs) {
        return press(TelephoneEvent.codeOf(digit), DEFAULT_VOLUME, startTimestamp, pressMs);
    }

    /** A hook flash: it is not a tone, so its volume is zero (RFC 4733 section 2.3.4). */
    public List<EventPacket> flash(long startTimestamp, int flashMs) {
        return press(TelephoneEvent.FLASH, 0, startTimestamp, flashMs);
    }

    public List<EventPacket> press(int event, int volume, long startTimestamp, int pressMs) {
        if (pressMs <= 0) {
            throw new IllegalArgumentException("a press lasts: " + pressMs + " ms");
        }
        int held = (pressMs + packetMs - 1) / packetMs;
        int packets = continuous ? Math.max(eventsCount, held) : eventsCount;
        int packetSamples = packetMs * RATE_PER_MS;
        // a segment is a whole number of packets that the 16-bit duration can still count
        long segment = (long) (TelephoneEvent.MAX_DURATION / packetSamples) * packetSamples;
        List<EventPacket> out = new ArrayList<>();
        for (int k = 1; k <= packets; k++) {
            long elapsed = (long) k * packetSamples;
            long segmentStart = (elapsed - 1) / segment * segment;
            TelephoneEvent update = new TelephoneEvent(event, false, volume, (int) (elapsed - segmentStart));
            out.add(new EventPacket((long) (k - 1) * packetMs, timestamp(startTimestamp, segmentStart), k == 1, update));
        }
        EventPacket last = out.get(out.size() - 1);
        TelephoneEvent end = new TelephoneEvent(event, true, volume, last.event().duration());
        for (int i = 0; i < endCount; i++) {
            out.add(new EventPacket((long) (packets + i) * packetMs, last.timestamp(), false, end));
        }
        return out;
    }

    private static long timestamp(long start, long offset) {
        return (start + offset) & 0xFFFF_FFFFL;
    }
}
