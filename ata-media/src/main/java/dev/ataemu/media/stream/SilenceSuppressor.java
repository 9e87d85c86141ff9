package dev.ataemu.media.stream;

import dev.ataemu.media.codec.cn.ComfortNoise;
import dev.ataemu.media.codec.cn.VoiceActivityDetector;

/**
 * What "VAD" (P50) does to each outgoing packet: speech goes out as voice; in a silence one comfort
 * noise descriptor (RFC 3389) goes first, then another only when the noise level moves or a few
 * seconds pass, so the far end's NAT bindings and RTP timeouts stay alive.
 */
final class SilenceSuppressor {

    enum Decision { VOICE, DESCRIBE_SILENCE, SILENT }

    /** A level change, dB, worth telling the far end about. */
    static final int LEVEL_STEP_DB = 3;
    static final long REFRESH_MILLIS = 5_000;

    private final VoiceActivityDetector detector = new VoiceActivityDetector();
    private boolean inSilence;
    private int level = ComfortNoise.MIN_LEVEL;
    private long describedAt;

    Decision decide(short[] packet, long nowMillis) {
        if (detector.voiced(packet)) {
            inSilence = false;
            return Decision.VOICE;
        }
        int heard = ComfortNoise.levelOf(packet, 0, packet.length);
        if (!inSilence || Math.abs(heard - level) >= LEVEL_STEP_DB || nowMillis - describedAt >= REFRESH_MILLIS) {
            inSilence = true;
            level = heard;
            describedAt = nowMillis;
            return Decision.DESCRIBE_SILENCE;
        }
        return Decision.SILENT;
    }

    /** The level byte (-dBov) of the last descriptor. */
    int level() {
        return level;
    }
}
