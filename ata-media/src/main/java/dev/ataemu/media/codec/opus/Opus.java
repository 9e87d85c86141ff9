package dev.ataemu.media.codec.opus;

import dev.ataemu.media.codec.Codec;

/**
 * Opus over RTP (RFC 7587) on a narrowband line. The rtpmap always says {@code opus/48000/2}, whatever
 * the stream carries; the payload type is dynamic and assigned by the SDP layer (the HT813's "OPUS
 * Payload Type" P2385, default {@value #DEFAULT_PAYLOAD_TYPE}). Opus codes 8 kHz audio natively, so
 * the line's samples go in and come out without resampling; RTP timestamps still count at 48 kHz.
 */
public final class Opus implements Codec {

    public static final int DEFAULT_PAYLOAD_TYPE = 123;
    public static final int DEFAULT_BITRATE = 20_000;
    /** RTP timestamp ticks per line sample (48 kHz clock over the 8 kHz line). */
    public static final int TIMESTAMP_TICKS_PER_SAMPLE = 6;

    private final boolean stereoDisabledInSdp;

    /** Opus as the HT813 offers it by default ("Disable OPUS Stereo in SDP" P20529 = No). */
    public Opus() {
        this(false);
    }

    /** @param stereoDisabledInSdp the HT813's "Disable OPUS Stereo in SDP" (P20529) */
    public Opus(boolean stereoDisabledInSdp) {
        this.stereoDisabledInSdp = stereoDisabledInSdp;
    }

    /**
     * The fmtp this side offers. The line is 8 kHz, so it asks for and promises narrowband audio, a
     * matching average bitrate, and says it decodes in-band FEC. With stereo disabled the mono
     * preference is spelled out ({@code stereo=0;sprop-stereo=0}); otherwise the keys are left out,
     * which RFC 7587 also reads as mono.
     */
    public static String fmtp(boolean stereoDisabledInSdp) {
        String base = "maxplaybackrate=8000;sprop-maxcapturerate=8000;maxaveragebitrate=" + DEFAULT_BITRATE
                + ";useinbandfec=1";
        return stereoDisabledInSdp ? base + ";stereo=0;sprop-stereo=0" : base;
    }

    @Override
    public String fmtp() {
        return fmtp(stereoDisabledInSdp);
    }

    @Override
    public String encodingName() {
        return "opus";
    }

    @Override
    public int clockRate() {
        return 48_000;
    }

    @Override
    public int channels() {
        return 2;
    }

    @Override
    public int staticPayloadType() {
        return -1;
    }

    @Override
    public int frameMs() {
        return 20;
    }

    /** An encoder at {@value #DEFAULT_BITRATE} bit/s with in-band FEC, as our own fmtp invites. */
    @Override
    public OpusStreamEncoder newEncoder() {
        return new OpusStreamEncoder(DEFAULT_BITRATE, true);
    }

    /**
     * An encoder fitted to the far end's fmtp: its {@code maxaveragebitrate} (capped at ours) and its
     * {@code useinbandfec}, since FEC only spends bits when the receiver will use them.
     */
    public OpusStreamEncoder newEncoder(int bitrate, boolean inbandFec) {
        return new OpusStreamEncoder(Math.min(bitrate, DEFAULT_BITRATE), inbandFec);
    }

    @Override
    public OpusStreamDecoder newDecoder() {
        return new OpusStreamDecoder();
    }
}
