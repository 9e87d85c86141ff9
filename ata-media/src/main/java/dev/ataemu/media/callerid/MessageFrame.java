package dev.ataemu.media.callerid;

import java.util.Arrays;

/**
 * The data-link frame shared by Bellcore and ETSI on-hook messages: message type, message length
 * (the octets that follow, checksum excluded), the message body, and a checksum chosen so that all
 * octets, checksum included, add up to 0 modulo 256.
 */
public record MessageFrame(int type, byte[] body) {

    public MessageFrame {
        if (type < 0 || type > 0xFF) {
            throw new IllegalArgumentException("message type " + type + " is not an octet");
        }
        if (body.length > 0xFF) {
            throw new IllegalArgumentException("message body of " + body.length + " octets does not fit a length octet");
        }
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public byte[] wire() {
        byte[] out = new byte[body.length + 3];
        out[0] = (byte) type;
        out[1] = (byte) body.length;
        System.arraycopy(body, 0, out, 2, body.length);
        out[out.length - 1] = checksum(out, out.length - 1);
        return out;
    }

    /** Reads a whole frame, checking the length octet against the frame and the checksum. */
    public static MessageFrame parse(byte[] wire) {
        if (wire.length < 3) {
            throw new MalformedMessageException("a frame has at least 3 octets, got " + wire.length);
        }
        int length = wire[1] & 0xFF;
        if (wire.length != length + 3) {
            throw new MalformedMessageException(
                    "length octet says " + length + " octets of body, frame holds " + (wire.length - 3));
        }
        int sum = 0;
        for (byte octet : wire) {
            sum += octet & 0xFF;
        }
        if ((sum & 0xFF) != 0) {
            throw new MalformedMessageException(String.format(
                    "checksum error: octets add up to 0x%02X, not 0 modulo 256", sum & 0xFF));
        }
        return new MessageFrame(wire[0] & 0xFF, Arrays.copyOfRange(wire, 2, wire.length - 1));
    }

    /** The two's complement of the modulo-256 sum of the first {@code count} octets. */
    public static byte checksum(byte[] octets, int count) {
        int sum = 0;
        for (int i = 0; i < count; i++) {
            sum += octets[i] & 0xFF;
        }
        return (byte) -sum;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MessageFrame frame && frame.type == type && Arrays.equals(frame.body, body);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return String.format("MessageFrame[type=0x%02X, body=%s]", type, Arrays.toString(body));
    }
}
