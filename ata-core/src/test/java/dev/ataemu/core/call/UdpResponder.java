package dev.ataemu.core.call;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Optional;

/** A test server on a loopback UDP port that answers each datagram it receives, on a thread of its own. */
abstract class UdpResponder implements AutoCloseable {

    private final DatagramSocket socket;

    UdpResponder(String name) throws SocketException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread thread = new Thread(this::serve, name);
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** The answer to one datagram, if it deserves one. */
    abstract Optional<byte[]> answer(byte[] datagram, int length);

    private void serve() {
        byte[] buffer = new byte[8192];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                Optional<byte[]> answer = answer(packet.getData(), packet.getLength());
                if (answer.isPresent()) {
                    socket.send(new DatagramPacket(answer.get(), answer.get().length, packet.getSocketAddress()));
                }
            } catch (IOException closed) {
                return;
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
