package dev.ataemu.media.codec.g711;

import dev.ataemu.media.codec.Codec;

/** What PCMU and PCMA share: one byte per sample, 10 ms frames, Appendix I concealment. */
abstract class G711Codec implements Codec {

    static final int FRAME_MS = 10;

    abstract byte compress(int sample);

    abstract short expand(byte code);

    @Override
    public final int clockRate() {
        return 8000;
    }

    @Override
    public final int frameMs() {
        return FRAME_MS;
    }

    @Override
    public final Encoder newEncoder() {
        return (pcm, offset, samples, out, outOffset) -> {
            for (int i = 0; i < samples; i++) {
                out[outOffset + i] = compress(pcm[offset + i]);
            }
            return samples;
        };
    }

    @Override
    public final Decoder newDecoder() {
        WaveformSubstitution plc = new WaveformSubstitution();
        return new Decoder() {
            @Override
            public int decode(byte[] payload, int offset, int length, short[] out, int outOffset) {
                int samples = Math.min(length, out.length - outOffset);
                for (int i = 0; i < samples; i++) {
                    out[outOffset + i] = expand(payload[offset + i]);
                }
                plc.good(out, outOffset, samples);
                return samples;
            }

            @Override
            public int conceal(short[] out, int outOffset, int samples) {
                plc.conceal(out, outOffset, samples);
                return samples;
            }
        };
    }
}
