package dev.ataemu.media.codec.opus;

import dev.ataemu.media.audio.Audio;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Runs audio through our Opus encoder or decoder a 20 ms packet at a time. */
final class OpusLoop {

    private OpusLoop() {
    }

    static List<byte[]> encode(short[] pcm) {
        OpusStreamEncoder encoder = new Opus().newEncoder();
        List<byte[]> packets = new ArrayList<>();
        byte[] buffer = new byte[1500];
        for (int at = 0; at + Audio.FRAME_SAMPLES <= pcm.length; at += Audio.FRAME_SAMPLES) {
            int length = encoder.encode(pcm, at, Audio.FRAME_SAMPLES, buffer, 0);
            packets.add(Arrays.copyOf(buffer, length));
        }
        return packets;
    }

    /** Decodes the packets; a null packet is lost and concealed. */
    static short[] decode(List<byte[]> packets) {
        OpusStreamDecoder decoder = new Opus().newDecoder();
        short[] out = new short[packets.size() * 960];
        int at = 0;
        for (byte[] packet : packets) {
            at += packet == null
                    ? decoder.conceal(out, at, Audio.FRAME_SAMPLES)
                    : decoder.decode(packet, 0, packet.length, out, at);
        }
        return Arrays.copyOf(out, at);
    }
}
