package dev.ataemu.core.fault;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.net.ntp.NtpV3Impl;
import org.apache.commons.net.ntp.NtpV3Packet;
import org.apache.commons.net.ntp.TimeStamp;

/** An NTP server on a loopback UDP port whose clock runs {@code ahead} of the host's; it counts what it answered. */
final class TestNtp implements AutoCloseable {

    private static final int PACKET_BYTES = 48;

    private final DatagramSocket socket;
    private final Duration ahead;
    private final AtomicInteger answered = new AtomicInteger();

    TestNtp(Duration ahead) throws SocketException {
        this.ahead = ahead;
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread thread = new Thread(this::serve, "test-ntp");
        thread.setDaemon(true);
        thread.start();
    }

    /** The server as P30 writes it. */
    String hostPort() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    int answered() {
        return answered.get();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try {
                DatagramPacket request = new DatagramPacket(new byte[PACKET_BYTES], PACKET_BYTES);
                socket.receive(request);
                NtpV3Impl asked = new NtpV3Impl();
                asked.setDatagramPacket(request);
                TimeStamp now = TimeStamp.getNtpTime(System.currentTimeMillis() + ahead.toMillis());
                NtpV3Impl answer = new NtpV3Impl();
                answer.setMode(NtpV3Packet.MODE_SERVER);
                answer.setVersion(NtpV3Packet.VERSION_3);
                answer.setStratum(2);
                answer.setOriginateTimeStamp(asked.getTransmitTimeStamp());
                answer.setReceiveTimeStamp(now);
                answer.setReferenceTime(now);
                answer.setTransmitTime(now);
                DatagramPacket reply = answer.getDatagramPacket();
                reply.setSocketAddress(request.getSocketAddress());
                socket.send(reply);
                answered.incrementAndGet();
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
