package dev.ataemu.media.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** RIFF WAVE files of line audio: 8 kHz, 16-bit signed little-endian PCM, mono. */
public final class Wav {

    private static final int HEADER_BYTES = 44;
    private static final int PCM = 1;

    private Wav() {
    }

    public static byte[] encode(short[] samples) {
        int dataBytes = samples.length * 2;
        ByteBuffer out = ByteBuffer.allocate(HEADER_BYTES + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + dataBytes);
        out.put("WAVE".getBytes(StandardCharsets.US_ASCII));
        out.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16);
        out.putShort((short) PCM).putShort((short) 1).putInt(Audio.SAMPLE_RATE).putInt(Audio.SAMPLE_RATE * 2);
        out.putShort((short) 2).putShort((short) 16);
        out.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(dataBytes);
        for (short sample : samples) {
            out.putShort(sample);
        }
        return out.array();
    }

    /**
     * Reads the samples of a WAV file in the line format, or throws {@link IllegalArgumentException}
     * saying what is different (other rates, widths and channel counts are refused, not converted).
     */
    public static short[] decode(byte[] file) {
        ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        if (file.length < 12 || !tag(in, 0).equals("RIFF") || !tag(in, 8).equals("WAVE")) {
            throw new IllegalArgumentException("not a RIFF WAVE file");
        }
        int position = 12;
        boolean formatSeen = false;
        while (position + 8 <= file.length) {
            String id = tag(in, position);
            long size = Integer.toUnsignedLong(in.getInt(position + 4));
            int body = position + 8;
            if (size > file.length - body) {
                throw new IllegalArgumentException("the '" + id + "' chunk runs past the end of the file");
            }
            if (id.equals("fmt ")) {
                checkFormat(in, body, (int) size);
                formatSeen = true;
            } else if (id.equals("data")) {
                if (!formatSeen) {
                    throw new IllegalArgumentException("the data chunk comes before the fmt chunk");
                }
                short[] samples = new short[(int) size / 2];
                for (int i = 0; i < samples.length; i++) {
                    samples[i] = in.getShort(body + 2 * i);
                }
                return samples;
            }
            position = body + (int) size + (int) (size & 1);
        }
        throw new IllegalArgumentException("no data chunk");
    }

    private static void checkFormat(ByteBuffer in, int at, int size) {
        if (size < 16) {
            throw new IllegalArgumentException("the fmt chunk is too short");
        }
        int format = Short.toUnsignedInt(in.getShort(at));
        int channels = in.getShort(at + 2);
        int rate = in.getInt(at + 4);
        int bits = in.getShort(at + 14);
        if (format != PCM || channels != 1 || rate != Audio.SAMPLE_RATE || bits != 16) {
            throw new IllegalArgumentException("expected 8000 Hz 16-bit mono PCM, found format " + format + ", "
                    + rate + " Hz, " + bits + "-bit, " + channels + " channel(s)");
        }
    }

    private static String tag(ByteBuffer in, int at) {
        byte[] four = new byte[4];
        in.get(at, four);
        return new String(four, StandardCharsets.US_ASCII);
    }
}
