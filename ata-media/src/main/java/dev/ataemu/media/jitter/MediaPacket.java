package dev.ataemu.media.jitter;

/**
 * An RTP media packet as the jitter buffer needs it. {@code samples} is the audio the payload holds
 * in 8 kHz RTP timestamp units (160 for 20 ms), which only the codec knows.
 */
public record MediaPacket(long ssrc, int sequenceNumber, long timestamp, boolean marker, byte[] payload, int samples) {

    public MediaPacket {
        if (sequenceNumber < 0 || sequenceNumber > 0xFFFF) {
            throw new IllegalArgumentException("sequence number out of 16 bits: " + sequenceNumber);
        }
        if (timestamp < 0 || timestamp > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("timestamp out of 32 bits: " + timestamp);
        }
        if (samples <= 0) {
            throw new IllegalArgumentException("a packet holds audio: " + samples + " samples");
        }
    }
}
