package dev.ataemu.sip.sdp;

/** The {@code t=} line: NTP start and stop times, unsigned; {@code 0 0} for a telephone call. */
public record Timing(long start, long stop) {

    public static final Timing PERMANENT = new Timing(0, 0);

    String value() {
        return Long.toUnsignedString(start) + " " + Long.toUnsignedString(stop);
    }
}
