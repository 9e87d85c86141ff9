package dev.ataemu.media.callerid;

import java.util.Optional;

/**
 * The DTMF digits that open and close a DTMF caller-ID string. The start may be missing (Denmark
 * and Holland's {@code <number>#}).
 */
public record DtmfMarkers(Optional<Character> start, char stop) {

    /** ETSI / variant 1: {@code A<number>C}. */
    public static final DtmfMarkers ETSI = of('A', 'C');
    /** Variant 2 (Denmark): {@code A<number>#}. */
    public static final DtmfMarkers HASH_TERMINATED = of('A', '#');
    /** Variant 3 (Taiwan, Kuwait): {@code D<number>C}. */
    public static final DtmfMarkers TAIWAN = of('D', 'C');
    /** Variant 4 (Denmark, Holland): {@code <number>#}. */
    public static final DtmfMarkers NUMBER_HASH = new DtmfMarkers(Optional.empty(), '#');

    private static final String MARKERS = "ABCD#";

    public DtmfMarkers {
        start.ifPresent(DtmfMarkers::checkMarker);
        checkMarker(stop);
    }

    public static DtmfMarkers of(char start, char stop) {
        return new DtmfMarkers(Optional.of(start), stop);
    }

    /**
     * The markers after Grandstream's start/stop tone settings (P4661/P4662, port 2 P4663/P4664):
     * 0 keeps the scheme's own, 1 A, 2 B, 3 C, 4 D, 5 #.
     */
    public DtmfMarkers overriddenBy(int startSetting, int stopSetting) {
        Optional<Character> newStart = startSetting == 0 ? start : Optional.of(marker(startSetting));
        return new DtmfMarkers(newStart, stopSetting == 0 ? stop : marker(stopSetting));
    }

    private static char marker(int setting) {
        if (setting < 1 || setting > 5) {
            throw new IllegalArgumentException("DTMF caller ID tone setting " + setting + " outside 0-5");
        }
        return MARKERS.charAt(setting - 1);
    }

    private static void checkMarker(char c) {
        if (MARKERS.indexOf(c) < 0) {
            throw new IllegalArgumentException("'" + c + "' is not a DTMF marker (A, B, C, D or #)");
        }
    }
}
