package dev.ataemu.bench;

import dev.ataemu.media.rtp.MediaTransport;
import dev.ataemu.media.rtp.Pacer;
import dev.ataemu.media.rtp.RtpSession;
import java.lang.management.ManagementFactory;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * N concurrent G.711 streams on loopback: each sends a 160-byte payload every 20 ms from the shared
 * pacing threads to a receiving session. Reports packets sent and received, loss, how late the
 * pacer ticked against the 20 ms grid (p50, p99, max) and the CPU time per packet.
 *
 * <pre>java -cp ata-benchmarks/target/ata-benchmarks.jar dev.ataemu.bench.RtpLoad STREAMS SECONDS THREADS NAP_MICROS</pre>
 * (defaults 100, 30, 1 and the transport's nap; {@code -Data.media.transport=nio} for the JDK's sockets)
 */
public final class RtpLoad {

    private static final int FIRST_PORT = 20_000;
    private static final int WARM_UP_MS = 6000;

    private RtpLoad() {
    }

    public static void main(String[] args) throws Exception {
        int streams = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        long napMicros = args.length > 3 ? Long.parseLong(args[3]) : MediaTransport.DEFAULT_NAP_MICROS;
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (MediaTransport transport = new MediaTransport(threads, threads, napMicros)) {
            List<RtpSession> senders = new ArrayList<>();
            List<RtpSession> receivers = new ArrayList<>();
            List<Pacer.Registration> ticks = new ArrayList<>();
            int port = FIRST_PORT;
            RtpSession.Settings settings = new RtpSession.Settings(false, true, "bench", 8000);
            for (int i = 0; i < streams; i++) {
                RtpSession sender = openFrom(transport, loopback, port, settings);
                port = sender.localPort() + 2;
                RtpSession receiver = openFrom(transport, loopback, port, settings);
                port = receiver.localPort() + 2;
                sender.remote(new InetSocketAddress(loopback, receiver.localPort()),
                        new InetSocketAddress(loopback, receiver.localPort() + 1));
                receiver.remote(new InetSocketAddress(loopback, sender.localPort()),
                        new InetSocketAddress(loopback, sender.localPort() + 1));
                senders.add(sender);
                receivers.add(receiver);
            }
            byte[] payload = new byte[160];
            for (RtpSession sender : senders) {
                long[] timestamp = {0};
                ticks.add(transport.pacer().add(() -> {
                    sender.send(0, timestamp[0] == 0, timestamp[0], payload, 0, payload.length);
                    timestamp[0] += 160;
                }));
            }
            // Long enough for the JIT compilers to finish with the hot paths before measuring.
            Thread.sleep(WARM_UP_MS);
            transport.pacer().lateness().reset();
            long sentBefore = senders.stream().mapToLong(s -> s.statistics().packetsSent()).sum();
            long receivedBefore = receivers.stream().mapToLong(s -> s.statistics().packetsReceived()).sum();
            long cpuBefore = processCpuNanos();
            long wallBefore = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            long cpu = processCpuNanos() - cpuBefore;
            long wall = System.nanoTime() - wallBefore;
            long sent = senders.stream().mapToLong(s -> s.statistics().packetsSent()).sum() - sentBefore;
            ticks.forEach(Pacer.Registration::cancel);
            Thread.sleep(500);
            long received = receivers.stream().mapToLong(s -> s.statistics().packetsReceived()).sum() - receivedBefore;
            long lost = receivers.stream().mapToLong(s -> s.statistics().packetsLost()).sum();
            Pacer.Lateness lateness = transport.pacer().lateness();
            System.out.printf("transport=%s nap_us=%d streams=%d seconds=%d threads=%d sent=%d received=%d lost=%d "
                            + "lateness_p50_us=%.0f p99_us=%.0f max_us=%.0f cpu_percent=%.1f cpu_us_per_packet=%.2f%n",
                    transport.nativeTransport() ? "epoll" : "nio", napMicros, streams, seconds, threads, sent, received, lost,
                    lateness.percentileMicros(0.5), lateness.percentileMicros(0.99), lateness.maxMicros(),
                    100.0 * cpu / wall, cpu / 1000.0 / Math.max(1, sent + received));
            senders.forEach(RtpSession::close);
            receivers.forEach(RtpSession::close);
        }
    }

    private static RtpSession openFrom(MediaTransport transport, InetAddress address, int port,
            RtpSession.Settings settings) throws BindException {
        for (int candidate = port; candidate < 65_000; candidate += 2) {
            try {
                return RtpSession.open(transport, address, candidate, settings);
            } catch (BindException taken) {
                // Someone else holds this pair; take the next.
            }
        }
        throw new BindException("no free port pair above " + port);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
