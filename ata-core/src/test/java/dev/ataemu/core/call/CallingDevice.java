package dev.ataemu.core.call;

import dev.ataemu.core.config.ParameterCatalog;
import dev.ataemu.core.device.Device;
import dev.ataemu.core.device.DeviceFolder;
import dev.ataemu.core.device.DeviceModel;
import dev.ataemu.core.device.PowerState;
import dev.ataemu.hal.sim.VirtualHandset;
import dev.ataemu.media.rtp.MediaTransport;
import dev.ataemu.time.RealTimeScheduler;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A device on real time that takes SIP calls on loopback: its port-1 account listens on a free
 * port (no registrar), its RTP on a free pair, and it is up when this returns.
 */
final class CallingDevice implements AutoCloseable {

    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    final RealTimeScheduler scheduler = new RealTimeScheduler("device-test");
    final MediaTransport transport = new MediaTransport(1, 1);
    final Device device;
    final int sipPort;

    CallingDevice(Path dataDir, DeviceModel model, Map<String, String> extra) throws Exception {
        this(dataDir, model, extra, java.util.List.of());
    }

    /** The same, on a network whose DHCP offers these DNS servers. */
    CallingDevice(Path dataDir, DeviceModel model, Map<String, String> extra,
            java.util.List<java.net.InetSocketAddress> offeredDns) throws Exception {
        device = Device.inFolder(DeviceFolder.locate(dataDir, model, Optional.empty(), new Random(5)),
                ParameterCatalog.builtIn(), scheduler);
        sipPort = freeEvenPort();
        Map<String, String> settings = new HashMap<>(Map.of("P40", Integer.toString(sipPort),
                "P39", Integer.toString(freeEvenPort()), "P35", "1001", "P740", Integer.toString(freeEvenPort())));
        settings.putAll(extra);
        device.store().apply(settings);
        device.network(LOOPBACK, offeredDns);
        device.media(transport);
        device.powerOn();
        await(() -> device.power() == PowerState.READY);
        Thread.sleep(300);
    }

    VirtualHandset handset() {
        return device.handset(1);
    }

    /** Lifts port 1's handset, waits for dial tone, and keys {@code keys} (80 ms on, 80 ms off). */
    VirtualHandset dial(String keys) throws InterruptedException {
        VirtualHandset handset = handset();
        handset.offHook();
        Thread.sleep(300);
        handset.press(keys, 80, 80);
        return handset;
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    /** An even port whose odd neighbour is free too (RTP and RTCP), both checked by binding them. */
    private static int freeEvenPort() throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            int even;
            try (DatagramSocket probe = new DatagramSocket(0, LOOPBACK)) {
                even = probe.getLocalPort() & ~1;
            }
            try (DatagramSocket rtp = new DatagramSocket(even, LOOPBACK);
                 DatagramSocket rtcp = new DatagramSocket(even + 1, LOOPBACK)) {
                return even;
            } catch (java.net.SocketException taken) {
                // another pair
            }
        }
        throw new IllegalStateException("no free even/odd UDP port pair on loopback");
    }

    @Override
    public void close() throws InterruptedException {
        device.powerOff();
        Thread.sleep(200);
        transport.close();
        scheduler.close();
    }
}
