package dev.ataemu.media.rtp;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.SelectStrategyFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.nio.channels.spi.SelectorProvider;
import java.util.concurrent.TimeUnit;

/**
 * What every media stream of the process shares: the Netty event loops that receive packets and the
 * {@link Pacer} threads that send them on the 20 ms grid. One per process, whatever the fleet size.
 *
 * <p>On Linux the loops use Netty's native epoll transport, else the JDK's selector; the system
 * property {@code ata.media.transport=nio} forces the latter. A busy loop gathers packets for
 * {@link #DEFAULT_NAP_MICROS} µs between looks ({@link CoalescingSelectStrategy}).
 */
public final class MediaTransport implements AutoCloseable {

    /** Receive-side gathering: a millisecond, well under a jitter buffer's slack. */
    public static final long DEFAULT_NAP_MICROS = 1000;

    private final EventLoopGroup eventLoops;
    private final boolean nativeTransport;
    private final Pacer pacer;

    public MediaTransport(int receiveThreads, int pacingThreads) {
        this(receiveThreads, pacingThreads, DEFAULT_NAP_MICROS);
    }

    /** With {@code napMicros} 0 the loops wake for every packet. */
    public MediaTransport(int receiveThreads, int pacingThreads, long napMicros) {
        DefaultThreadFactory threads = new DefaultThreadFactory("rtp-receive", true);
        SelectStrategyFactory strategy = napMicros > 0
                ? () -> new CoalescingSelectStrategy(TimeUnit.MICROSECONDS.toNanos(napMicros))
                : io.netty.channel.DefaultSelectStrategyFactory.INSTANCE;
        this.nativeTransport = Epoll.isAvailable() && !"nio".equalsIgnoreCase(System.getProperty("ata.media.transport"));
        this.eventLoops = nativeTransport
                ? new EpollEventLoopGroup(receiveThreads, threads, strategy)
                : new NioEventLoopGroup(receiveThreads, threads, SelectorProvider.provider(), strategy);
        this.pacer = new Pacer(pacingThreads, "rtp-pacer");
    }

    /** Sized for this machine: one receiving and one pacing thread per two cores, at least one of each. */
    public static MediaTransport forThisHost() {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        return new MediaTransport(threads, threads);
    }

    public EventLoopGroup eventLoops() {
        return eventLoops;
    }

    /** Whether the sockets are Linux epoll ones (Netty's native transport) rather than the JDK's. */
    public boolean nativeTransport() {
        return nativeTransport;
    }

    public Pacer pacer() {
        return pacer;
    }

    @Override
    public void close() {
        pacer.close();
        eventLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
