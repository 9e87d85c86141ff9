package dev.ataemu.media.codec.g722;

import dev.ataemu.media.codec.Codec;
import dev.ataemu.media.codec.g711.WaveformSubstitution;
import dev.ataemu.media.dsp.Resampler;

/**
 * G.722 at 64 kbit/s, RTP payload type 9. SDP says 8000 Hz (RFC 3551 kept the number of the first
 * draft by mistake) but the codec samples at 16 kHz: the line's 8 kHz audio is doubled in rate
 * before encoding and halved after decoding, so the wideband half of the band stays empty. One
 * codeword per 16 kHz sample pair, so one byte per line sample.
 */
public final class G722 implements Codec {

    static final int FRAME_MS = 10;

    @Override
    public String encodingName() {
        return "G722";
    }

    @Override
    public int clockRate() {
        return 8000;
    }

    @Override
    public int staticPayloadType() {
        return 9;
    }

    @Override
    public int frameMs() {
        return FRAME_MS;
    }

    @Override
    public Encoder newEncoder() {
        Resampler up = Resampler.doubling();
        G722Encoder16k encoder = new G722Encoder16k();
        return (pcm, offset, samples, out, outOffset) -> {
            short[] wide = new short[2 * samples];
            up.process(pcm, offset, samples, wide, 0);
            for (int i = 0; i < samples; i++) {
                out[outOffset + i] = (byte) encoder.encode(wide[2 * i], wide[2 * i + 1]);
            }
            return samples;
        };
    }

    @Override
    public Decoder newDecoder() {
        return new Decoder() {
            private final G722Decoder16k decoder = new G722Decoder16k();
            private final Resampler down = Resampler.halving();
            private final WaveformSubstitution plc = new WaveformSubstitution();

            @Override
            public int decode(byte[] payload, int offset, int length, short[] out, int outOffset) {
                int codes = Math.min(length, out.length - outOffset);
                short[] wide = new short[2 * codes];
                for (int i = 0; i < codes; i++) {
                    decoder.decode(payload[offset + i] & 0xFF, wide, 2 * i);
                }
                int written = down.process(wide, 0, wide.length, out, outOffset);
                plc.good(out, outOffset, written);
                return written;
            }

            @Override
            public int conceal(short[] out, int outOffset, int samples) {
                plc.conceal(out, outOffset, samples);
                return samples;
            }
        };
    }
}
