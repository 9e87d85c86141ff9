package dev.ataemu.testing.peers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real TFTP server for tests: tftpd-hpa's {@code in.tftpd} (Debian package {@code tftpd-hpa}) in
 * the foreground on 127.0.0.1 and a free port, serving the files put in its root folder.
 */
public final class Tftpd implements AutoCloseable {

    private static final String PACKAGE = "tftpd-hpa";

    private final PeerProcess process;
    private final int port;
    private final Path root;

    private Tftpd(PeerProcess process, int port, Path root) {
        this.process = process;
        this.port = port;
        this.root = root;
    }

    public static Tftpd start(Path workDir) {
        Path binary = PeerBinary.require("/usr/sbin/in.tftpd", PACKAGE);
        Path[] rootOf = new Path[1];
        UdpProbe.Started started = UdpProbe.start("tftpd", workDir, (port, dir) -> {
            rootOf[0] = dir.resolve("root");
            try {
                Files.createDirectories(rootOf[0]);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // --secure serves the root folder as "/"; the server keeps the test's own user.
            return java.util.List.of(binary.toString(), "--foreground", "--listen", "--verbose",
                    "--address", "127.0.0.1:" + port, "--user", System.getProperty("user.name"),
                    "--secure", rootOf[0].toString());
        }, readRequest("probe-that-is-not-there"), "TFTP");
        return new Tftpd(started.process(), started.port(), rootOf[0]);
    }

    /** Serves {@code content} as {@code name} (a path under the root, folders made as needed). */
    public void put(String name, byte[] content) {
        try {
            Path file = root.resolve(name);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** The last lines the server logged (each request it read). */
    public String logTail() {
        return process.logTail(40);
    }

    private static byte[] readRequest(String file) {
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.write(0);
        packet.write(1);
        packet.writeBytes(file.getBytes(StandardCharsets.US_ASCII));
        packet.write(0);
        packet.writeBytes("octet".getBytes(StandardCharsets.US_ASCII));
        packet.write(0);
        return packet.toByteArray();
    }

    @Override
    public void close() {
        process.close();
    }
}
