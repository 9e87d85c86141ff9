package dev.ataemu.core.line;

import java.util.OptionalInt;

/**
 * A port's two media channels (MEDIA-12): each of its calls holds one, and with it an RTP port,
 * from the time it names that port in SDP until it ends. Call waiting, transfers and the 3-way
 * conference are what need the second.
 */
public final class MediaChannels {

    private final boolean[] taken = new boolean[2];

    /** The lowest free channel, now taken; empty when both are in use. */
    public synchronized OptionalInt take() {
        for (int channel = 0; channel < taken.length; channel++) {
            if (!taken[channel]) {
                taken[channel] = true;
                return OptionalInt.of(channel);
            }
        }
        return OptionalInt.empty();
    }

    /** Gives a channel back; giving back a free one changes nothing. */
    public synchronized void release(int channel) {
        if (channel >= 0 && channel < taken.length) {
            taken[channel] = false;
        }
    }

    public synchronized int inUse() {
        int count = 0;
        for (boolean used : taken) {
            count += used ? 1 : 0;
        }
        return count;
    }
}
