package dev.ataemu.media.callerid;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One parameter of a multiple-data-message body: type, length, value. */
public record Parameter(int type, byte[] value) {

    public Parameter {
        if (value.length > 0xFF) {
            throw new IllegalArgumentException("parameter 0x" + Integer.toHexString(type) + " longer than 255 octets");
        }
        value = value.clone();
    }

    /** A text parameter; characters outside printable ASCII, which the line cannot carry, become '?'. */
    public static Parameter text(int type, String text) {
        byte[] value = new byte[text.length()];
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            value[i] = (byte) (c >= 0x20 && c < 0x7F ? c : '?');
        }
        return new Parameter(type, value);
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    public String text() {
        return new String(value, StandardCharsets.US_ASCII);
    }

    public static byte[] encode(List<Parameter> parameters) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Parameter parameter : parameters) {
            out.write(parameter.type);
            out.write(parameter.value.length);
            out.writeBytes(parameter.value);
        }
        return out.toByteArray();
    }

    /** Splits a body into parameters, refusing one whose length runs past the end. */
    public static List<Parameter> decode(byte[] body) {
        List<Parameter> parameters = new ArrayList<>();
        int at = 0;
        while (at < body.length) {
            if (at + 2 > body.length) {
                throw new MalformedMessageException("parameter header cut off at octet " + at);
            }
            int type = body[at] & 0xFF;
            int length = body[at + 1] & 0xFF;
            if (at + 2 + length > body.length) {
                throw new MalformedMessageException(String.format(
                        "parameter 0x%02X claims %d octets, only %d left", type, length, body.length - at - 2));
            }
            parameters.add(new Parameter(type, Arrays.copyOfRange(body, at + 2, at + 2 + length)));
            at += 2 + length;
        }
        return parameters;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Parameter parameter && parameter.type == type && Arrays.equals(parameter.value, value);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return String.format("Parameter[type=0x%02X, value=%s]", type, Arrays.toString(value));
    }
}
