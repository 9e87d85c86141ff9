package dev.ataemu.media.codec.opus;

import dev.ataemu.media.audio.Audio;
import dev.ataemu.media.codec.Codec;
import io.github.jaredmdobson.concentus.OpusApplication;
import io.github.jaredmdobson.concentus.OpusEncoder;
import io.github.jaredmdobson.concentus.OpusException;
import io.github.jaredmdobson.concentus.OpusSignal;

/** One direction's Opus encoder: 8 kHz mono line audio into one Opus packet per call. */
public final class OpusStreamEncoder implements Codec.Encoder {

    /** The largest Opus packet (RFC 6716 section 3.2.1). */
    private static final int MAX_PACKET = 1275;
    /** LBRR (the SILK FEC copy) is only produced when the encoder expects some loss. */
    private static final int EXPECTED_LOSS_PERCENT = 10;

    private final OpusEncoder encoder;

    OpusStreamEncoder(int bitrate, boolean inbandFec) {
        try {
            encoder = new OpusEncoder(Audio.SAMPLE_RATE, 1, OpusApplication.OPUS_APPLICATION_VOIP);
        } catch (OpusException e) {
            throw new IllegalStateException("Opus encoder refused 8 kHz mono", e);
        }
        encoder.setBitrate(bitrate);
        encoder.setSignalType(OpusSignal.OPUS_SIGNAL_VOICE);
        encoder.setUseInbandFEC(inbandFec);
        encoder.setPacketLossPercent(inbandFec ? EXPECTED_LOSS_PERCENT : 0);
        encoder.setComplexity(5);
    }

    /** Encodes 20, 40 or 60 ms of audio as one packet. */
    @Override
    public int encode(short[] pcm, int offset, int samples, byte[] out, int outOffset) {
        try {
            return encoder.encode(pcm, offset, samples, out, outOffset, Math.min(MAX_PACKET, out.length - outOffset));
        } catch (OpusException e) {
            throw new IllegalArgumentException("cannot encode " + samples + " samples as one Opus packet", e);
        }
    }

    /** The encoder's algorithmic delay in 8 kHz samples (its look-ahead). */
    public int lookahead() {
        return encoder.getLookahead();
    }
}
