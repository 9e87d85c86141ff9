package dev.ataemu.bench;

import dev.ataemu.media.audio.Audio;
import dev.ataemu.media.codec.Codec;
import dev.ataemu.media.codec.g711.Pcma;
import dev.ataemu.media.codec.g711.Pcmu;
import dev.ataemu.media.codec.g722.G722;
import dev.ataemu.media.codec.g726.G726;
import dev.ataemu.media.codec.g726.G726Packing;
import dev.ataemu.media.codec.g726.G726Rate;
import dev.ataemu.media.codec.opus.Opus;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The CPU cost of one 20 ms frame (160 line samples) through each codec's encoder and decoder, as
 * one RTP stream uses them: one stateful encoder and decoder per stream, frames in sequence.
 *
 * <pre>java -jar ata-benchmarks/target/ata-benchmarks.jar CodecBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CodecBenchmark {

    /** Five seconds of signal: long enough that the codecs meet every vowel and level in it. */
    private static final int FRAMES = 250;
    /** Room for the largest payload of any codec (an Opus packet is at most 1275 bytes). */
    private static final int MAX_PAYLOAD = 1275;

    @Param({"PCMU", "PCMA", "G722", "G726-16", "G726-24", "G726-32", "G726-40", "opus"})
    public String codec;

    private Codec.Encoder encoder;
    private Codec.Decoder decoder;
    private short[] speech;
    private byte[][] payloads;
    private final byte[] encoded = new byte[MAX_PAYLOAD];
    private final short[] decoded = new short[Audio.FRAME_SAMPLES];
    private int next;

    /** The codec as the emulator negotiates it; G.726 in RFC 3551 packing, Opus at 20 kbit/s. */
    static Codec byName(String name) {
        return switch (name) {
            case "PCMU" -> new Pcmu();
            case "PCMA" -> new Pcma();
            case "G722" -> new G722();
            case "G726-16" -> new G726(G726Rate.KBIT_16, G726Packing.RFC3551);
            case "G726-24" -> new G726(G726Rate.KBIT_24, G726Packing.RFC3551);
            case "G726-32" -> new G726(G726Rate.KBIT_32, G726Packing.RFC3551);
            case "G726-40" -> new G726(G726Rate.KBIT_40, G726Packing.RFC3551);
            case "opus" -> new Opus();
            default -> throw new IllegalArgumentException("no codec " + name);
        };
    }

    @Setup
    public void prepare() {
        Codec chosen = byName(codec);
        speech = SpeechSignal.generate(FRAMES * Audio.FRAME_SAMPLES);
        // The decoder's input comes from its own encoder, so it decodes real payloads of this signal.
        Codec.Encoder preparing = chosen.newEncoder();
        payloads = new byte[FRAMES][];
        for (int frame = 0; frame < FRAMES; frame++) {
            int length = preparing.encode(speech, frame * Audio.FRAME_SAMPLES, Audio.FRAME_SAMPLES, encoded, 0);
            payloads[frame] = Arrays.copyOf(encoded, length);
        }
        encoder = chosen.newEncoder();
        decoder = chosen.newDecoder();
        next = 0;
    }

    private int nextFrame() {
        int frame = next;
        next = (next + 1) % FRAMES;
        return frame;
    }

    /** Encodes the next 20 ms; returns the payload length (JMH consumes it). */
    @Benchmark
    public int encode() {
        return encoder.encode(speech, nextFrame() * Audio.FRAME_SAMPLES, Audio.FRAME_SAMPLES, encoded, 0);
    }

    /** Decodes the next 20 ms payload; returns the samples written. */
    @Benchmark
    public int decode() {
        byte[] payload = payloads[nextFrame()];
        return decoder.decode(payload, 0, payload.length, decoded, 0);
    }
}
