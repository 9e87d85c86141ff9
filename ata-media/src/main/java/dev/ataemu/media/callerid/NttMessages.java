package dev.ataemu.media.callerid;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * NTT (Japan) caller ID messages. Unlike Bellcore and ETSI they are framed like a data link:
 * {@code DLE SOH header DLE STX type length body DLE ETX} with 7-bit characters carrying even
 * parity in bit 7, any DLE inside doubled, then a CRC-16 (reflected polynomial 0x8408, initial 0,
 * low octet first) over everything from the header to ETX. The body uses type-length-value
 * parameters: 0x02 calling number, 0x04 reason the number is absent, 0x09 dialled number.
 */
public final class NttMessages {

    public static final int CALL_SETUP = 0x40;
    public static final int NUMBER = 0x02;
    public static final int NUMBER_ABSENT = 0x04;
    private static final int HEADER = 0x07;
    private static final int SOH = 0x01;
    private static final int STX = 0x02;
    private static final int ETX = 0x03;
    private static final int DLE = 0x10;
    /** How DLE looks on the line, with its parity bit: the first octet of every message. */
    public static final int FIRST_OCTET = withParity(DLE);

    private NttMessages() {
    }

    public static byte[] encode(CallerId id) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        id.number().ifPresent(number -> parameter(body, NUMBER, Parameter.text(NUMBER, number).value()));
        if (id.number().isEmpty()) {
            char reason = id.numberAbsence().orElse(Absence.UNAVAILABLE).code();
            parameter(body, NUMBER_ABSENT, new byte[] {(byte) reason});
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {DLE, SOH, HEADER, DLE, STX, CALL_SETUP});
        stuffed(out, body.size());
        for (byte octet : body.toByteArray()) {
            stuffed(out, octet & 0xFF);
        }
        out.writeBytes(new byte[] {DLE, ETX});
        byte[] frame = out.toByteArray();
        for (int i = 0; i < frame.length; i++) {
            frame[i] = (byte) withParity(frame[i]);
        }
        int crc = crc16(frame, 2, frame.length);
        byte[] wire = java.util.Arrays.copyOf(frame, frame.length + 2);
        wire[frame.length] = (byte) crc;
        wire[frame.length + 1] = (byte) (crc >> 8);
        return wire;
    }

    public static CallerIdMessage decode(byte[] wire) {
        if (wire.length < 11 || (wire[0] & 0xFF) != withParity(DLE) || (wire[1] & 0xFF) != withParity(SOH)) {
            throw new MalformedMessageException("NTT message must start DLE SOH and hold at least 11 octets");
        }
        if (crc16(wire, 2, wire.length) != 0) {
            throw new MalformedMessageException("NTT message fails its CRC");
        }
        int[] frame = new int[wire.length - 2];
        for (int i = 0; i < frame.length; i++) {
            int octet = wire[i] & 0xFF;
            if (octet != withParity(octet)) {
                throw new MalformedMessageException("parity error in octet " + i);
            }
            frame[i] = octet & 0x7F;
        }
        if (frame[3] != DLE || frame[4] != STX || frame[frame.length - 2] != DLE || frame[frame.length - 1] != ETX) {
            throw new MalformedMessageException("NTT message lacks DLE STX ... DLE ETX");
        }
        List<Integer> content = unstuffed(frame, 5, frame.length - 2);
        if (content.size() < 2 || content.get(0) != CALL_SETUP) {
            throw new MalformedMessageException("not an NTT call set-up message");
        }
        if (content.get(1) != content.size() - 2) {
            throw new MalformedMessageException("NTT length octet says " + content.get(1) + ", body holds "
                    + (content.size() - 2));
        }
        byte[] body = new byte[content.size() - 2];
        for (int i = 0; i < body.length; i++) {
            body[i] = content.get(i + 2).byteValue();
        }
        return new CallerIdMessage.CallSetup(callerId(Parameter.decode(body)));
    }

    /** CRC-16 with the reflected polynomial 0x8408 and initial value 0; 0 over a message and its CRC. */
    static int crc16(byte[] data, int from, int to) {
        int crc = 0;
        for (int i = from; i < to; i++) {
            crc ^= data[i] & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x8408 : crc >>> 1;
            }
        }
        return crc;
    }

    /** The 7-bit character with bit 7 set when needed to make the count of 1 bits even. */
    static int withParity(int octet) {
        int character = octet & 0x7F;
        return Integer.bitCount(character) % 2 == 0 ? character : character | 0x80;
    }

    private static CallerId callerId(List<Parameter> parameters) {
        CallerId id = CallerId.empty();
        for (Parameter parameter : parameters) {
            if (parameter.type() == NUMBER) {
                id = id.withNumber(CallerIdMessages.text(parameter));
            } else if (parameter.type() == NUMBER_ABSENT && parameter.value().length == 1) {
                // NTT also sends C (public telephone) and S (service conflict): both mean "no number".
                id = id.withNumberAbsent(Absence.ofCode((char) parameter.value()[0]).orElse(Absence.UNAVAILABLE));
            }
        }
        return id;
    }

    private static void parameter(ByteArrayOutputStream body, int type, byte[] value) {
        body.write(type);
        body.write(value.length);
        body.writeBytes(value);
    }

    private static void stuffed(ByteArrayOutputStream out, int octet) {
        out.write(octet);
        if (octet == DLE) {
            out.write(octet);
        }
    }

    private static List<Integer> unstuffed(int[] frame, int from, int to) {
        List<Integer> content = new ArrayList<>();
        for (int i = from; i < to; i++) {
            content.add(frame[i]);
            if (frame[i] == DLE) {
                if (i + 1 >= to || frame[i + 1] != DLE) {
                    throw new MalformedMessageException("lone DLE inside an NTT message at octet " + i);
                }
                i++;
            }
        }
        return content;
    }
}
