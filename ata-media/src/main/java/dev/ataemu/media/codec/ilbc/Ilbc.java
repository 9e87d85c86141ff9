package dev.ataemu.media.codec.ilbc;

import dev.ataemu.media.codec.Codec;

/**
 * iLBC (RFC 3951) as the SDP names it, {@code iLBC/8000} with {@code fmtp mode=20} or {@code mode=30}
 * (RFC 3952), on a dynamic payload type the SDP layer assigns (the HT502/HT813 default to 97/98).
 * The HT's "iLBC frame size" (P97; P705 for the HT502's second port) picks the mode: 0 = 20 ms,
 * 1 = 30 ms.
 *
 * <p>A payload carries whole frames: 38 bytes per 20 ms frame, 50 per 30 ms frame. A payload whose
 * length is not a positive multiple of the frame's is not decoded: the decoder conceals one frame
 * instead, as for a lost packet, so a malformed packet never throws out of {@code decode}. A frame
 * whose last bit marks it empty, or that names an impossible start state or codebook vector, is concealed too, as the
 * RFC's decoder does. {@code conceal} produces whole frames; when asked for a part of one, it writes
 * that part and drops the rest.
 */
public final class Ilbc implements Codec {

    private final IlbcMode mode;
    private final boolean enhancer;

    public Ilbc(IlbcMode mode) {
        this(mode, true);
    }

    /** {@code enhancer} false leaves out the decoder's pitch enhancer (section 4.6), which is optional. */
    Ilbc(IlbcMode mode, boolean enhancer) {
        this.mode = mode;
        this.enhancer = enhancer;
    }

    /** The codec for the HT's frame size setting (P97 or P705): 0 = 20 ms frames, 1 = 30 ms frames. */
    public static Ilbc forFrameSizeSetting(int p97) {
        return switch (p97) {
            case 0 -> new Ilbc(IlbcMode.MS_20);
            case 1 -> new Ilbc(IlbcMode.MS_30);
            default -> throw new IllegalArgumentException("P97 is 0 (20 ms) or 1 (30 ms), not " + p97);
        };
    }

    public IlbcMode mode() {
        return mode;
    }

    @Override
    public String encodingName() {
        return "iLBC";
    }

    @Override
    public int clockRate() {
        return 8000;
    }

    @Override
    public int staticPayloadType() {
        return -1;
    }

    @Override
    public String fmtp() {
        return "mode=" + mode.frameMs;
    }

    @Override
    public int frameMs() {
        return mode.frameMs;
    }

    @Override
    public Encoder newEncoder() {
        IlbcEncoder encoder = new IlbcEncoder(mode);
        return (pcm, offset, samples, out, outOffset) -> {
            if (samples % mode.block != 0) {
                throw new IllegalArgumentException("iLBC " + mode.frameMs + " ms encodes whole frames of "
                        + mode.block + " samples, not " + samples);
            }
            int frames = samples / mode.block;
            for (int f = 0; f < frames; f++) {
                encoder.encode(pcm, offset + f * mode.block, out, outOffset + f * mode.bytes);
            }
            return frames * mode.bytes;
        };
    }

    @Override
    public Decoder newDecoder() {
        IlbcDecoder decoder = new IlbcDecoder(mode, enhancer);
        return new Decoder() {
            @Override
            public int decode(byte[] payload, int offset, int length, short[] out, int outOffset) {
                if (length <= 0 || length % mode.bytes != 0) {
                    decoder.decode(null, 0, out, outOffset);
                    return mode.block;
                }
                int frames = Math.min(length / mode.bytes, (out.length - outOffset) / mode.block);
                for (int f = 0; f < frames; f++) {
                    decoder.decode(payload, offset + f * mode.bytes, out, outOffset + f * mode.block);
                }
                return frames * mode.block;
            }

            @Override
            public int conceal(short[] out, int outOffset, int samples) {
                short[] frame = new short[mode.block];
                for (int done = 0; done < samples; done += mode.block) {
                    decoder.decode(null, 0, frame, 0);
                    System.arraycopy(frame, 0, out, outOffset + done, Math.min(mode.block, samples - done));
                }
                return samples;
            }
        };
    }
}
