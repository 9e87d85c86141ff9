package dev.ataemu.media.rtp;

import java.util.Optional;

/** What turns RTP and RTCP packets into protected ones and back (SRTP); empty means refused. */
public interface PacketProtection {

    byte[] protectRtp(byte[] packet, int length);

    Optional<byte[]> unprotectRtp(byte[] packet, int length);

    byte[] protectRtcp(byte[] packet, int length);

    Optional<byte[]> unprotectRtcp(byte[] packet, int length);
}
