package dev.ataemu.media.fax;

import java.util.Optional;

/**
 * T.38 Internet Facsimile Protocol packets (ITU-T T.38 section 6, ASN.1 in its annex, basic aligned
 * PER): the indicators a gateway sends when it hears a fax signal begin, and the kind of the data
 * packets that carry a demodulated signal.
 *
 * <p>An IFP packet starts with a bit saying whether a data field follows, then the choice of
 * message (0 indicator, 1 data). An indicator is an extensible enumeration of 16 root values: its
 * extension bit, then four bits. Data names its modulation the same way.
 */
public final class Ifp {

    /** T30-indicator values, in the order of the ASN.1 enumeration. */
    public enum Indicator {
        NO_SIGNAL, CNG, CED, V21_PREAMBLE, V27_2400_TRAINING, V27_4800_TRAINING, V29_7200_TRAINING,
        V29_9600_TRAINING, V17_7200_SHORT_TRAINING, V17_7200_LONG_TRAINING, V17_9600_SHORT_TRAINING,
        V17_9600_LONG_TRAINING, V17_12000_SHORT_TRAINING, V17_12000_LONG_TRAINING, V17_14400_SHORT_TRAINING,
        V17_14400_LONG_TRAINING
    }

    /** Data-type values of t30-data, in the order of the ASN.1 enumeration. */
    public enum DataType {
        V21, V27_2400, V27_4800, V29_7200, V29_9600, V17_7200, V17_9600, V17_12000, V17_14400
    }

    /** What a received packet is: an indicator, data of a modulation, or a value of a later version. */
    public record Kind(Optional<Indicator> indicator, Optional<DataType> data) {
        public static final Kind UNKNOWN = new Kind(Optional.empty(), Optional.empty());
    }

    private Ifp() {
    }

    /** The one-byte packet of an indicator. */
    public static byte[] indicator(Indicator indicator) {
        return new byte[] {(byte) (indicator.ordinal() << 1)};
    }

    /** Reads the kind of a packet; never throws, anything unreadable is {@link Kind#UNKNOWN}. */
    public static Kind kind(byte[] packet, int offset, int length) {
        if (length < 1 || offset < 0 || offset + length > packet.length) {
            return Kind.UNKNOWN;
        }
        int first = packet[offset] & 0xff;
        boolean data = (first & 0x40) != 0;
        boolean extended = (first & 0x20) != 0;
        if (extended) {
            return Kind.UNKNOWN;
        }
        if (!data) {
            return new Kind(Optional.of(Indicator.values()[(first >> 1) & 0x0f]), Optional.empty());
        }
        int type = (first >> 1) & 0x0f;
        return type < DataType.values().length ? new Kind(Optional.empty(), Optional.of(DataType.values()[type]))
                : Kind.UNKNOWN;
    }
}
