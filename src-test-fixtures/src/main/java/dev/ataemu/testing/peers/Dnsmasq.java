package dev.ataemu.testing.peers;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A real DNS server for tests: dnsmasq (Debian package {@code dnsmasq-base}) on 127.0.0.1 and a free
 * port, answering only the A, SRV and NAPTR records the test gives it (no upstream, no hosts file).
 */
public final class Dnsmasq implements AutoCloseable {

    private static final String PACKAGE = "dnsmasq-base";
    private static final String PROBE_NAME = "ready.probe.test";

    private final PeerProcess process;
    private final int port;

    private Dnsmasq(PeerProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    public static Builder builder(Path workDir) {
        return new Builder(workDir);
    }

    public static final class Builder {
        private final Path workDir;
        private final List<String> records = new ArrayList<>(List.of("--host-record=" + PROBE_NAME + ",127.0.0.1"));

        private Builder(Path workDir) {
            this.workDir = workDir;
        }

        /** An A record. */
        public Builder a(String name, String address) {
            records.add("--host-record=" + name + "," + address);
            return this;
        }

        /** An SRV record, such as {@code _sip._udp.example.test} to {@code target:port}. */
        public Builder srv(String name, String target, int port, int priority, int weight) {
            records.add("--srv-host=" + name + "," + target + "," + port + "," + priority + "," + weight);
            return this;
        }

        /** A NAPTR record with flag S, leading to the SRV name {@code replacement}. */
        public Builder naptr(String name, int order, int preference, String service, String replacement) {
            records.add("--naptr-record=" + name + "," + order + "," + preference + ",S," + service + ",," + replacement);
            return this;
        }

        public Dnsmasq start() {
            Path binary = PeerBinary.require("/usr/sbin/dnsmasq", PACKAGE);
            UdpProbe.Started started = UdpProbe.start("dnsmasq", workDir, (port, dir) -> {
                List<String> command = new ArrayList<>(List.of(binary.toString(), "--no-daemon", "--conf-file=/dev/null",
                        "--port=" + port, "--listen-address=127.0.0.1", "--bind-interfaces", "--no-resolv",
                        "--no-hosts", "--pid-file=", "--log-queries", "--log-facility=-"));
                command.addAll(records);
                return command;
            }, query(PROBE_NAME), "DNS");
            return new Dnsmasq(started.process(), started.port());
        }
    }

    /** Where to send queries. */
    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    public int port() {
        return port;
    }

    /** The queries it answered, as dnsmasq logs them. */
    public String log() {
        return process.logTail(200);
    }

    /** A standard query for a name's A record (RFC 1035 section 4.1). */
    private static byte[] query(String name) {
        ByteBuffer buffer = ByteBuffer.allocate(512);
        buffer.putShort((short) 0x1234).putShort((short) 0x0100).putShort((short) 1).putShort((short) 0)
                .putShort((short) 0).putShort((short) 0);
        for (String label : name.split("\\.")) {
            byte[] bytes = label.getBytes(StandardCharsets.US_ASCII);
            buffer.put((byte) bytes.length).put(bytes);
        }
        buffer.put((byte) 0).putShort((short) 1).putShort((short) 1);
        byte[] packet = new byte[buffer.position()];
        buffer.flip().get(packet);
        return packet;
    }

    @Override
    public void close() {
        process.close();
    }
}
