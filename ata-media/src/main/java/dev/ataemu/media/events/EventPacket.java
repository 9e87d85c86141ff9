package dev.ataemu.media.events;

/**
 * One telephone-event packet to send: {@code atMs} after the key went down, with this RTP timestamp
 * and marker bit. The RTP session gives it the next sequence number of the stream.
 */
public record EventPacket(long atMs, long timestamp, boolean marker, TelephoneEvent event) {
}
