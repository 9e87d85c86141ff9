package dev.ataemu.media.rtp;

import io.netty.channel.Channel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/** The JDK's UDP socket: its send is thread-safe, so a pacing thread may use it beside the event loop. */
final class NioRtpChannel extends RtpChannel {

    private final DatagramChannel socket;
    private final NioDatagramChannel netty;

    NioRtpChannel(InetAddress address) {
        try {
            socket = DatagramChannel.open(address instanceof Inet6Address ? StandardProtocolFamily.INET6
                    : StandardProtocolFamily.INET);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a UDP socket", e);
        }
        netty = new NioDatagramChannel(socket);
    }

    @Override
    Channel netty() {
        return netty;
    }

    @Override
    boolean sendNow(ByteBuffer datagram, InetSocketAddress to) {
        try {
            return socket.send(datagram, to) > 0;
        } catch (IOException e) {
            return false;
        }
    }
}
