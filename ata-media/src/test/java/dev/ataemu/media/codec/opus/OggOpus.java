package dev.ataemu.media.codec.opus;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The least of an Ogg Opus file (RFC 7845 over RFC 3533) for handing packets to and from ffmpeg:
 * one packet per page, mono, channel mapping family 0.
 */
final class OggOpus {

    /** What a file holds: the decoder's pre-skip at 48 kHz and the audio packets. */
    record Stream(int preSkip48k, List<byte[]> packets) {
    }

    private static final int SERIAL = 0x4154_4145;
    private static final int[] CRC = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int r = i << 24;
            for (int bit = 0; bit < 8; bit++) {
                r = (r & 0x8000_0000) != 0 ? (r << 1) ^ 0x04C1_1DB7 : r << 1;
            }
            CRC[i] = r;
        }
    }

    private OggOpus() {
    }

    /** Writes 20 ms packets of 8 kHz audio; granule positions count 48 kHz samples from the pre-skip. */
    static byte[] write(List<byte[]> packets, int preSkip48k) {
        ByteBuffer head = ByteBuffer.allocate(19).order(ByteOrder.LITTLE_ENDIAN);
        head.put("OpusHead".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 1)
                .putShort((short) preSkip48k).putInt(8000).putShort((short) 0).put((byte) 0);
        byte[] vendor = "ata-emulator".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer tags = ByteBuffer.allocate(8 + 4 + vendor.length + 4).order(ByteOrder.LITTLE_ENDIAN);
        tags.put("OpusTags".getBytes(StandardCharsets.US_ASCII)).putInt(vendor.length).put(vendor).putInt(0);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int sequence = 0;
        out.writeBytes(page(head.array(), 0x02, 0, sequence++));
        out.writeBytes(page(tags.array(), 0, 0, sequence++));
        long granule = preSkip48k;
        for (int i = 0; i < packets.size(); i++) {
            granule += 960;
            out.writeBytes(page(packets.get(i), i == packets.size() - 1 ? 0x04 : 0, granule, sequence++));
        }
        return out.toByteArray();
    }

    private static byte[] page(byte[] packet, int flags, long granule, int sequence) {
        int segments = packet.length / 255 + 1;
        ByteBuffer page = ByteBuffer.allocate(27 + segments + packet.length).order(ByteOrder.LITTLE_ENDIAN);
        page.put("OggS".getBytes(StandardCharsets.US_ASCII)).put((byte) 0).put((byte) flags)
                .putLong(granule).putInt(SERIAL).putInt(sequence).putInt(0).put((byte) segments);
        for (int s = 0; s < segments - 1; s++) {
            page.put((byte) 255);
        }
        page.put((byte) (packet.length % 255)).put(packet);
        byte[] bytes = page.array();
        page.putInt(22, crc(bytes));
        return bytes;
    }

    static int crc(byte[] bytes) {
        int crc = 0;
        for (byte b : bytes) {
            crc = (crc << 8) ^ CRC[((crc >>> 24) ^ b) & 0xff];
        }
        return crc;
    }

    /** Reads a single-stream file, checking every page's CRC. */
    static Stream read(byte[] file) {
        List<byte[]> packets = new ArrayList<>();
        ByteArrayOutputStream partial = new ByteArrayOutputStream();
        int at = 0;
        while (at < file.length) {
            ByteBuffer page = ByteBuffer.wrap(file, at, file.length - at).slice().order(ByteOrder.LITTLE_ENDIAN);
            if (page.getInt(0) != 0x5367_674F) {
                throw new IllegalArgumentException("no Ogg page at byte " + at);
            }
            int segments = page.get(26) & 0xff;
            int body = 27 + segments;
            int length = body;
            for (int s = 0; s < segments; s++) {
                length += page.get(27 + s) & 0xff;
            }
            byte[] bytes = Arrays.copyOfRange(file, at, at + length);
            int stored = page.getInt(22);
            Arrays.fill(bytes, 22, 26, (byte) 0);
            if (crc(bytes) != stored) {
                throw new IllegalArgumentException("bad CRC on the page at byte " + at);
            }
            for (int s = 0; s < segments; s++) {
                int lacing = page.get(27 + s) & 0xff;
                partial.write(file, at + body, lacing);
                body += lacing;
                if (lacing < 255) {
                    packets.add(partial.toByteArray());
                    partial.reset();
                }
            }
            at += length;
        }
        byte[] head = packets.get(0);
        if (!new String(head, 0, 8, StandardCharsets.US_ASCII).equals("OpusHead")) {
            throw new IllegalArgumentException("not Ogg Opus");
        }
        int preSkip = (head[10] & 0xff) | (head[11] & 0xff) << 8;
        return new Stream(preSkip, packets.subList(2, packets.size()));
    }
}
