package dev.ataemu.media.codec.g726;

import dev.ataemu.media.codec.Codec;
import dev.ataemu.media.codec.g711.WaveformSubstitution;

/**
 * G.726 ADPCM at one rate and one packing, e.g. {@code G726-32} or {@code AAL2-G726-32}. Every
 * name takes a dynamic payload type from the SDP layer: static type 2 once meant G.721/G.726-32 but
 * RFC 3551 withdrew it because implementations disagreed on the packing.
 */
public final class G726 implements Codec {

    static final int FRAME_MS = 10;

    private final G726Rate rate;
    private final G726Packing packing;

    public G726(G726Rate rate, G726Packing packing) {
        this.rate = rate;
        this.packing = packing;
    }

    public G726Rate rate() {
        return rate;
    }

    public G726Packing packing() {
        return packing;
    }

    @Override
    public String encodingName() {
        return packing.encodingName(rate);
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
    public int frameMs() {
        return FRAME_MS;
    }

    @Override
    public Encoder newEncoder() {
        G726Adpcm adpcm = new G726Adpcm(rate);
        return (pcm, offset, samples, out, outOffset) -> {
            int[] codes = new int[samples];
            for (int i = 0; i < samples; i++) {
                codes[i] = adpcm.encode(pcm[offset + i] >> 2);
            }
            return packing.pack(codes, samples, rate.bits, out, outOffset);
        };
    }

    @Override
    public Decoder newDecoder() {
        G726Adpcm adpcm = new G726Adpcm(rate);
        WaveformSubstitution plc = new WaveformSubstitution();
        return new Decoder() {
            @Override
            public int decode(byte[] payload, int offset, int length, short[] out, int outOffset) {
                int[] codes = new int[length * 8 / rate.bits];
                int count = Math.min(packing.unpack(payload, offset, length, rate.bits, codes), out.length - outOffset);
                for (int i = 0; i < count; i++) {
                    int sample = adpcm.decode(codes[i]) << 2;
                    out[outOffset + i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, sample));
                }
                plc.good(out, outOffset, count);
                return count;
            }

            @Override
            public int conceal(short[] out, int outOffset, int samples) {
                plc.conceal(out, outOffset, samples);
                for (int i = 0; i < samples; i++) {
                    adpcm.encode(out[outOffset + i] >> 2);
                }
                return samples;
            }
        };
    }
}
