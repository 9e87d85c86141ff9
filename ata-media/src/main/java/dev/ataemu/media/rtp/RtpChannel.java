package dev.ataemu.media.rtp;

import io.netty.channel.socket.nio.NioDatagramChannel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * A UDP socket that Netty receives on and pacing threads send on directly: the JDK channel's send is
 * thread-safe, and skipping the hop onto the event loop (a task and a selector wake-up per packet)
 * is what lets a thousand streams share two cores.
 */
final class RtpChannel {

    private final DatagramChannel socket;
    private final NioDatagramChannel netty;

    RtpChannel(InetAddress address) {
        try {
            socket = DatagramChannel.open(address instanceof Inet6Address ? StandardProtocolFamily.INET6
                    : StandardProtocolFamily.INET);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a UDP socket", e);
        }
        netty = new NioDatagramChannel(socket);
    }

    NioDatagramChannel netty() {
        return netty;
    }

    /** Sends now from the calling thread; false when the socket buffer is full and the packet was not sent. */
    boolean sendNow(ByteBuffer datagram, SocketAddress to) {
        try {
            return socket.send(datagram, to) > 0;
        } catch (IOException e) {
            return false;
        }
    }
}
