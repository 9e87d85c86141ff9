package dev.ataemu.media.srtp;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of unprotecting one packet: the plain RTP or RTCP packet with its index, or the
 * reason it was dropped. Drops are shared constants, so a flood of hostile packets allocates nothing.
 */
public final class Unprotected {

    private static final Map<DropReason, Unprotected> DROPS = new EnumMap<>(DropReason.class);

    static {
        for (DropReason reason : DropReason.values()) {
            DROPS.put(reason, new Unprotected(null, -1, reason));
        }
    }

    private final byte[] packet;
    private final long index;
    private final DropReason dropReason;

    private Unprotected(byte[] packet, long index, DropReason dropReason) {
        this.packet = packet;
        this.index = index;
        this.dropReason = dropReason;
    }

    static Unprotected accepted(byte[] packet, long index) {
        return new Unprotected(packet, index, null);
    }

    static Unprotected dropped(DropReason reason) {
        return DROPS.get(reason);
    }

    public boolean isAccepted() {
        return dropReason == null;
    }

    /** The plain packet (the caller owns the array), or empty when dropped. */
    public Optional<byte[]> packet() {
        return Optional.ofNullable(packet);
    }

    /** The 48-bit SRTP packet index or the 31-bit SRTCP index of an accepted packet, else -1. */
    public long index() {
        return index;
    }

    public Optional<DropReason> dropReason() {
        return Optional.ofNullable(dropReason);
    }

    @Override
    public String toString() {
        return isAccepted() ? "Unprotected[index=" + index + ", " + packet.length + " bytes]" : "Unprotected[dropped " + dropReason + "]";
    }
}
