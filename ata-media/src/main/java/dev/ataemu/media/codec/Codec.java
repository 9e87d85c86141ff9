package dev.ataemu.media.codec;

/**
 * One audio codec as the SDP negotiates it and the RTP edge uses it. The line side is always 8 kHz
 * 16-bit PCM in 20 ms frames; a wideband codec resamples inside its encoder and decoder.
 * Encoders and decoders keep state (ADPCM predictors, concealment history), so each stream
 * direction takes its own.
 */
public interface Codec {

    /** The encoding name in SDP's rtpmap, e.g. {@code PCMU}, {@code G722}, {@code opus}. */
    String encodingName();

    /** The RTP clock rate advertised in SDP (G.722 says 8000 although it codes 16 kHz audio). */
    int clockRate();

    /** Audio channels in the rtpmap (Opus says 2, whatever it carries). */
    default int channels() {
        return 1;
    }

    /** The static payload type, or -1 for a codec that needs a dynamic one. */
    int staticPayloadType();

    /** The SDP fmtp parameters this side offers, or empty. */
    default String fmtp() {
        return "";
    }

    /** The length of the codec's own frame in milliseconds (packets carry whole frames). */
    int frameMs();

    Encoder newEncoder();

    Decoder newDecoder();

    /** Turns line audio into payload bytes. */
    interface Encoder {
        /**
         * Encodes {@code samples} 8 kHz samples (a whole number of codec frames) from {@code pcm} at
         * {@code offset} into {@code out} at {@code outOffset}; returns the bytes written.
         */
        int encode(short[] pcm, int offset, int samples, byte[] out, int outOffset);
    }

    /** Turns payload bytes back into line audio, and fills in for lost packets. */
    interface Decoder {
        /**
         * Decodes a payload into 8 kHz samples at {@code outOffset}; returns the samples written. A
         * payload holding more audio than {@code out} has room for is cut short there: the far end's
         * bytes decide how much audio comes, so they must not decide how far the decoder writes.
         */
        int decode(byte[] payload, int offset, int length, short[] out, int outOffset);

        /** Fills {@code samples} samples for audio that never arrived (packet-loss concealment). */
        int conceal(short[] out, int outOffset, int samples);
    }
}
