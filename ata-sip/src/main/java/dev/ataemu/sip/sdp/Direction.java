package dev.ataemu.sip.sdp;

import java.util.Locale;
import java.util.Optional;

/** The media direction attributes of RFC 3264 section 5.1, seen from the side that wrote them. */
public enum Direction {
    SENDRECV(true, true),
    SENDONLY(true, false),
    RECVONLY(false, true),
    INACTIVE(false, false);

    private final boolean sends;
    private final boolean receives;

    Direction(boolean sends, boolean receives) {
        this.sends = sends;
        this.receives = receives;
    }

    public static Direction of(boolean sends, boolean receives) {
        return sends ? (receives ? SENDRECV : SENDONLY) : (receives ? RECVONLY : INACTIVE);
    }

    public static Optional<Direction> fromAttribute(String name) {
        for (Direction direction : values()) {
            if (direction.attributeName().equals(name)) {
                return Optional.of(direction);
            }
        }
        return Optional.empty();
    }

    public boolean sends() {
        return sends;
    }

    public boolean receives() {
        return receives;
    }

    /** The same stream seen from the other end: sendonly there is recvonly here. */
    public Direction reverse() {
        return of(receives, sends);
    }

    /** Only what both allow. */
    public Direction and(Direction other) {
        return of(sends && other.sends, receives && other.receives);
    }

    public String attributeName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
