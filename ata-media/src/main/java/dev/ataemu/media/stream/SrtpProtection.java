package dev.ataemu.media.stream;

import dev.ataemu.media.rtp.PacketProtection;
import dev.ataemu.media.srtp.SdesSelection;
import dev.ataemu.media.srtp.SrtpContext;
import java.util.Optional;

/**
 * SRTP for one RTP session, keyed by the SDES exchange: our key protects what we send, theirs checks
 * what arrives. A context serves one thread at a time, and RTP and RTCP run on different threads.
 */
public final class SrtpProtection implements PacketProtection {

    private final SrtpContext outbound;
    private final SrtpContext inbound;

    public SrtpProtection(SdesSelection keys) {
        this.outbound = keys.outbound();
        this.inbound = keys.inbound();
    }

    @Override
    public byte[] protectRtp(byte[] packet, int length) {
        synchronized (outbound) {
            return outbound.protectRtp(packet, length);
        }
    }

    @Override
    public Optional<byte[]> unprotectRtp(byte[] packet, int length) {
        synchronized (inbound) {
            return inbound.unprotectRtp(packet, length).packet();
        }
    }

    @Override
    public byte[] protectRtcp(byte[] packet, int length) {
        synchronized (outbound) {
            return outbound.protectRtcp(packet, length);
        }
    }

    @Override
    public Optional<byte[]> unprotectRtcp(byte[] packet, int length) {
        synchronized (inbound) {
            return inbound.unprotectRtcp(packet, length).packet();
        }
    }
}
