package dev.ataemu.core.fault;

import dev.ataemu.core.config.ParameterCatalog;
import dev.ataemu.core.device.Device;
import dev.ataemu.core.device.DeviceFolder;
import dev.ataemu.core.device.DeviceModel;
import dev.ataemu.core.device.PowerState;
import dev.ataemu.media.rtp.MediaTransport;
import dev.ataemu.time.RealTimeScheduler;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * A device on real time with media, taking SIP calls for user 1001 on port 1 on loopback (no
 * registrar): its SIP and RTP ports are free ones, and it is up when this returns.
 */
final class LiveDevice implements AutoCloseable {

    final RealTimeScheduler scheduler = new RealTimeScheduler("fault-device");
    final MediaTransport transport = new MediaTransport(1, 1);
    final Device device;
    final int sipPort;
    final int rtpPort;

    LiveDevice(Path dataDir, DeviceModel model, Map<String, String> extra) throws Exception {
        device = Device.inFolder(DeviceFolder.locate(dataDir, model, Optional.empty(), new Random(17)),
                ParameterCatalog.builtIn(), scheduler);
        sipPort = freeEvenPort();
        rtpPort = freeEvenPort();
        Map<String, String> settings = new HashMap<>(Map.of("P40", Integer.toString(sipPort), "P39",
                Integer.toString(rtpPort), "P35", "1001", "P401", "0"));
        settings.putAll(extra);
        device.store().apply(settings);
        device.network(InetAddress.getLoopbackAddress());
        device.media(transport);
        device.powerOn();
        // Up once its SIP user agent listens: the port is then taken.
        if (!await(Duration.ofSeconds(30), () -> device.power() == PowerState.READY && !free(sipPort))) {
            throw new IllegalStateException("the device did not start listening for SIP on port " + sipPort);
        }
    }

    /** Whether nothing listens on this loopback UDP port. */
    static boolean free(int port) {
        try (DatagramSocket probe = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (java.net.SocketException taken) {
            return false;
        }
    }

    static boolean await(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }

    /** An even port whose odd neighbour is free too (RTP and RTCP), both checked by binding them. */
    static int freeEvenPort() throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        for (int attempt = 0; attempt < 50; attempt++) {
            int even;
            try (DatagramSocket probe = new DatagramSocket(0, loopback)) {
                even = probe.getLocalPort() & ~1;
            }
            try (DatagramSocket rtp = new DatagramSocket(even, loopback);
                 DatagramSocket rtcp = new DatagramSocket(even + 1, loopback)) {
                return even;
            } catch (java.net.SocketException taken) {
                // another pair
            }
        }
        throw new IllegalStateException("no free even/odd UDP port pair on loopback");
    }

    @Override
    public void close() {
        device.powerOff();
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        transport.close();
        scheduler.close();
    }
}
