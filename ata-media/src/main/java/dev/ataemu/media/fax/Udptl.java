package dev.ataemu.media.fax;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * UDPTL, the UDP framing of T.38 (ITU-T T.38 section 9.1, "t38UDPRedundancy" error recovery): a
 * 16-bit sequence number, the primary IFP packet as an open type (a PER length, then its bytes),
 * then the error recovery: the choice of redundancy and the earlier packets, newest first.
 */
public final class Udptl {

    /** One datagram: its sequence number, the IFP packet it carries, and the earlier ones it repeats. */
    public record Packet(int sequence, byte[] primary, List<byte[]> secondary) {
    }

    /** Longest IFP packet this framing takes (a PER length below 16384). */
    public static final int MAX_IFP = 16383;

    private Udptl() {
    }

    public static byte[] encode(Packet packet) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8 + packet.primary().length * (1 + packet.secondary().size()));
        out.write(packet.sequence() >> 8 & 0xff);
        out.write(packet.sequence() & 0xff);
        openType(out, packet.primary());
        out.write(0x00);
        length(out, packet.secondary().size());
        for (byte[] earlier : packet.secondary()) {
            openType(out, earlier);
        }
        return out.toByteArray();
    }

    /** Reads a datagram; empty when it is not a well-formed UDPTL packet. */
    public static Optional<Packet> decode(byte[] datagram, int length) {
        Reader in = new Reader(datagram, Math.min(length, datagram.length));
        int sequence = in.u8() << 8 | in.u8();
        byte[] primary = in.openType();
        if (in.failed || primary.length == 0) {
            return Optional.empty();
        }
        List<byte[]> secondary = new ArrayList<>();
        int recovery = in.u8();
        if (!in.failed && (recovery & 0x80) == 0) {
            int count = in.length();
            for (int i = 0; i < count && !in.failed; i++) {
                byte[] earlier = in.openType();
                if (!in.failed) {
                    secondary.add(earlier);
                }
            }
        }
        return Optional.of(new Packet(sequence, primary, List.copyOf(secondary)));
    }

    private static void openType(ByteArrayOutputStream out, byte[] value) {
        if (value.length > MAX_IFP) {
            throw new IllegalArgumentException("an IFP packet of " + value.length + " bytes is longer than " + MAX_IFP);
        }
        length(out, value.length);
        out.write(value, 0, value.length);
    }

    private static void length(ByteArrayOutputStream out, int length) {
        if (length < 0x80) {
            out.write(length);
        } else {
            out.write(0x80 | length >> 8);
            out.write(length & 0xff);
        }
    }

    private static final class Reader {
        private final byte[] bytes;
        private final int end;
        private int at;
        boolean failed;

        Reader(byte[] bytes, int end) {
            this.bytes = bytes;
            this.end = end;
        }

        int u8() {
            if (at >= end) {
                failed = true;
                return 0;
            }
            return bytes[at++] & 0xff;
        }

        int length() {
            int first = u8();
            if ((first & 0x80) == 0) {
                return first;
            }
            if ((first & 0x40) != 0) {
                failed = true;
                return 0;
            }
            return (first & 0x3f) << 8 | u8();
        }

        byte[] openType() {
            int length = length();
            if (failed || length > end - at) {
                failed = true;
                return new byte[0];
            }
            byte[] value = java.util.Arrays.copyOfRange(bytes, at, at + length);
            at += length;
            return value;
        }
    }
}
