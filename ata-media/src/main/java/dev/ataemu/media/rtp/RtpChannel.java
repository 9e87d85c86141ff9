package dev.ataemu.media.rtp;

import io.netty.channel.Channel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * A UDP socket that Netty receives on and pacing threads send on directly: skipping the hop onto the
 * event loop (a task and a wake-up per packet) is what lets a thousand streams share two cores.
 * The socket is Linux's epoll one where Netty's native transport loads, else the JDK's.
 */
abstract class RtpChannel {

    static RtpChannel open(InetAddress address, boolean nativeTransport) {
        return nativeTransport ? new EpollRtpChannel(address) : new NioRtpChannel(address);
    }

    abstract Channel netty();

    /**
     * Sends {@code datagram}'s remaining bytes now, from the calling thread (one sending thread per
     * channel); false when the socket is closed or its buffer full and the packet was not sent.
     */
    abstract boolean sendNow(ByteBuffer datagram, InetSocketAddress to);
}
