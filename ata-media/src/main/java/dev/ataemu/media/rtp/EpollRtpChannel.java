package dev.ataemu.media.rtp;

import io.netty.channel.Channel;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollMode;
import io.netty.channel.socket.InternetProtocolFamily;
import io.netty.channel.unix.Socket;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * Linux's UDP socket through Netty's native transport. Sending calls {@code sendto} on the socket
 * directly from the pacing thread (the kernel serialises it with the event loop's reads), from a
 * direct buffer of the channel's own, which only its one sending thread touches.
 */
final class EpollRtpChannel extends RtpChannel {

    private static final int MAX_DATAGRAM = 2048;

    private final EpollDatagramChannel netty;
    private final Socket socket;
    private final ByteBuffer outgoing = ByteBuffer.allocateDirect(MAX_DATAGRAM);

    EpollRtpChannel(InetAddress address) {
        netty = new EpollDatagramChannel(address instanceof Inet6Address ? InternetProtocolFamily.IPv6
                : InternetProtocolFamily.IPv4);
        // Edge-triggered, Netty reads each socket until it is empty: two recvfrom calls for every
        // datagram of a stream. Level-triggered, one.
        netty.config().setEpollMode(EpollMode.LEVEL_TRIGGERED);
        socket = (Socket) netty.fd();
    }

    @Override
    Channel netty() {
        return netty;
    }

    @Override
    boolean sendNow(ByteBuffer datagram, InetSocketAddress to) {
        int length = datagram.remaining();
        if (length > MAX_DATAGRAM || !netty.isOpen()) {
            return false;
        }
        outgoing.clear();
        outgoing.put(datagram);
        try {
            return socket.sendTo(outgoing, 0, length, to.getAddress(), to.getPort()) > 0;
        } catch (IOException e) {
            return false;
        }
    }
}
