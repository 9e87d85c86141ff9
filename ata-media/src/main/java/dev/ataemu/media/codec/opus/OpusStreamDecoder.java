package dev.ataemu.media.codec.opus;

import dev.ataemu.media.audio.Audio;
import dev.ataemu.media.codec.Codec;
import io.github.jaredmdobson.concentus.OpusDecoder;
import io.github.jaredmdobson.concentus.OpusException;

/**
 * One direction's Opus decoder at 8 kHz mono; a stereo or wideband stream is folded down by the
 * decoder itself. Lost audio is filled by Opus's own concealment, or, when the jitter buffer already
 * holds the packet after the gap, by the in-band FEC copy that packet carries ({@link #recover}).
 */
public final class OpusStreamDecoder implements Codec.Decoder {

    /** The longest Opus packet, 120 ms at 8 kHz. */
    private static final int MAX_PACKET_SAMPLES = 960;

    private final OpusDecoder decoder;

    OpusStreamDecoder() {
        try {
            decoder = new OpusDecoder(Audio.SAMPLE_RATE, 1);
        } catch (OpusException e) {
            throw new IllegalStateException("Opus decoder refused 8 kHz mono", e);
        }
    }

    /** A malformed packet is treated as lost: the far end's bytes must not stop the stream. */
    @Override
    public int decode(byte[] payload, int offset, int length, short[] out, int outOffset) {
        try {
            return decoder.decode(payload, offset, length, out, outOffset,
                    Math.min(MAX_PACKET_SAMPLES, out.length - outOffset), false);
        } catch (OpusException e) {
            return conceal(out, outOffset, Math.min(Audio.FRAME_SAMPLES, out.length - outOffset));
        } catch (RuntimeException | AssertionError broken) {
            forgetMalformed();
            return conceal(out, outOffset, Math.min(Audio.FRAME_SAMPLES, out.length - outOffset));
        }
    }

    /**
     * Concentus refuses some malformed packets not with an {@link OpusException} but by failing its own
     * assertions (an {@link AssertionError}, thrown whether or not the JVM checks assertions) part way
     * through, leaving its state half updated.
     */
    private void forgetMalformed() {
        decoder.resetState();
    }

    /** Packet-loss concealment; {@code samples} must be a multiple of 2.5 ms (20 samples). */
    @Override
    public int conceal(short[] out, int outOffset, int samples) {
        try {
            return decoder.decode(null, 0, 0, out, outOffset, samples, false);
        } catch (OpusException e) {
            throw new IllegalArgumentException("cannot conceal " + samples + " samples: not a multiple of 2.5 ms", e);
        }
    }

    /**
     * Fills the {@code samples} lost just before {@code next} from the FEC data inside {@code next},
     * which must still be passed to {@link #decode} afterwards. A packet without FEC data gives the
     * same audio as {@link #conceal}.
     */
    public int recover(byte[] next, int offset, int length, short[] out, int outOffset, int samples) {
        try {
            return decoder.decode(next, offset, length, out, outOffset, samples, true);
        } catch (OpusException e) {
            return conceal(out, outOffset, samples);
        } catch (RuntimeException | AssertionError broken) {
            forgetMalformed();
            return conceal(out, outOffset, samples);
        }
    }
}
