package dev.ataemu.core.call.torture;

import dev.ataemu.core.config.ParameterCatalog;
import dev.ataemu.core.device.Device;
import dev.ataemu.core.device.DeviceFolder;
import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.core.device.PowerState;
import dev.ataemu.core.device.RegistrationState;
import dev.ataemu.media.rtp.MediaTransport;
import dev.ataemu.time.RealTimeScheduler;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * An HT502 on real time whose port-1 account (user 1001, no registrar yet) listens on loopback
 * over one SIP transport, on a port free for both UDP and TCP; it is up when this returns.
 */
final class TortureDevice implements AutoCloseable {

    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    static final String USER = "1001";
    static final String PASSWORD = "torture-pw";
    /** Values of "SIP Transport" (P130). */
    static final int UDP = 0;
    static final int TCP = 1;

    private final RealTimeScheduler scheduler = new RealTimeScheduler("torture-device");
    private final MediaTransport media = new MediaTransport(1, 1);
    final Device device;
    final InetAddress address;
    final int sipPort;

    /** {@code transport} is the account's "SIP Transport" (P130): {@link #UDP} or {@link #TCP}. */
    TortureDevice(Path dataDir, int transport) throws Exception {
        this(dataDir, transport, LOOPBACK);
    }

    /** The same on another loopback address, such as IPv6's ::1. */
    TortureDevice(Path dataDir, int transport, InetAddress address) throws Exception {
        this.address = address;
        device = Device.inFolder(DeviceFolder.locate(dataDir, DeviceModels.HT502, Optional.empty(), new Random(11)),
                ParameterCatalog.builtIn(), scheduler);
        sipPort = freePort(false);
        device.store().apply(Map.of("P40", Integer.toString(sipPort), "P39", Integer.toString(freePort(true)),
                "P35", USER, "P130", Integer.toString(transport), "P740", Integer.toString(freePort(false))));
        device.network(address, List.of());
        device.media(media);
        device.powerOn();
        if (!await(() -> device.power() == PowerState.READY, Duration.ofSeconds(20))
                || !await(() -> listening(transport), Duration.ofSeconds(20))) {
            throw new IllegalStateException("the device did not come up on port " + sipPort);
        }
    }

    /** Whether the account's SIP port takes a connection (TCP) or answers an OPTIONS (UDP). */
    private boolean listening(int transport) {
        if (transport == TCP) {
            try (java.net.Socket probe = new java.net.Socket(address, sipPort)) {
                return true;
            } catch (java.io.IOException notYet) {
                return false;
            }
        }
        try (DatagramSocket probe = new DatagramSocket(0, address)) {
            probe.setSoTimeout(200);
            int port = probe.getLocalPort();
            String host = address instanceof java.net.Inet6Address ? "[" + address.getHostAddress() + "]"
                    : address.getHostAddress();
            String options = "OPTIONS sip:" + USER + "@" + host + ":" + sipPort + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP " + host + ":" + port + ";branch=z9hG4bK-probe" + System.nanoTime() + "\r\n"
                    + "From: <sip:probe@" + host + ":" + port + ">;tag=p\r\nTo: <sip:" + USER + "@" + host + ">\r\n"
                    + "Call-ID: probe-" + System.nanoTime() + "\r\nCSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\n"
                    + "Content-Length: 0\r\n\r\n";
            byte[] bytes = options.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            probe.send(new java.net.DatagramPacket(bytes, bytes.length, address, sipPort));
            probe.receive(new java.net.DatagramPacket(new byte[4096], 4096));
            return true;
        } catch (java.io.IOException notYet) {
            return false;
        }
    }

    /** Points the account at a registrar; the account starts over with the new server and registers. */
    void registerAt(int registrarPort) {
        device.store().apply(Map.of("P47", "127.0.0.1:" + registrarPort, "P34", PASSWORD));
    }

    boolean registered() {
        return device.status().ports().get(0).registration() == RegistrationState.REGISTERED;
    }

    static boolean await(BooleanSupplier condition, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    /**
     * A port free on loopback for UDP and TCP, with its neighbour free for UDP too (RTCP), checked by
     * binding them; {@code even} for an RTP port.
     */
    static int freePort(boolean even) throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port;
            try (DatagramSocket probe = new DatagramSocket(0, LOOPBACK)) {
                port = even ? probe.getLocalPort() & ~1 : probe.getLocalPort();
            }
            try (DatagramSocket udp = new DatagramSocket(port, LOOPBACK);
                 DatagramSocket odd = new DatagramSocket(port + 1, LOOPBACK);
                 ServerSocket tcp = new ServerSocket(port, 1, LOOPBACK)) {
                return port;
            } catch (java.io.IOException taken) {
                // another one
            }
        }
        throw new IllegalStateException("no free UDP and TCP port on loopback");
    }

    @Override
    public void close() throws InterruptedException {
        device.powerOff();
        Thread.sleep(200);
        media.close();
        scheduler.close();
    }
}
