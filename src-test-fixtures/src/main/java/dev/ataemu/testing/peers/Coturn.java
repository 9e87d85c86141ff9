package dev.ataemu.testing.peers;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

/** A real STUN server for tests: coturn's {@code turnserver} (Debian package {@code coturn}) in STUN-only mode on 127.0.0.1. */
public final class Coturn implements AutoCloseable {

    private static final String PACKAGE = "coturn";

    private final PeerProcess process;
    private final int port;

    private Coturn(PeerProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    public static Coturn start(Path workDir) {
        Path binary = PeerBinary.require("/usr/bin/turnserver", PACKAGE);
        byte[] bindingRequest = ByteBuffer.allocate(20).putShort((short) 1).putShort((short) 0).putInt(0x2112A442)
                .put(new byte[12]).array();
        UdpProbe.Started started = UdpProbe.start("coturn", workDir, (port, dir) -> List.of(binary.toString(), "-n",
                "--listening-ip=127.0.0.1", "--listening-port=" + port, "--stun-only", "--no-tls", "--no-dtls",
                "--no-cli", "--log-file=stdout", "--simple-log", "--pidfile=" + dir.resolve("turn.pid"),
                "--userdb=" + dir.resolve("turndb")), bindingRequest, "STUN");
        return new Coturn(started.process(), started.port());
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    public int port() {
        return port;
    }

    public String log() {
        return process.logTail(100);
    }

    @Override
    public void close() {
        process.close();
    }
}
