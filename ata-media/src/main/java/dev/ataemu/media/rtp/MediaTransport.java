package dev.ataemu.media.rtp;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * What every media stream of the process shares: the Netty event loops that receive packets and the
 * {@link Pacer} threads that send them on the 20 ms grid. One per process, whatever the fleet size.
 */
public final class MediaTransport implements AutoCloseable {

    private final EventLoopGroup eventLoops;
    private final Pacer pacer;

    public MediaTransport(int receiveThreads, int pacingThreads) {
        this.eventLoops = new NioEventLoopGroup(receiveThreads, new DefaultThreadFactory("rtp-receive", true));
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

    public Pacer pacer() {
        return pacer;
    }

    @Override
    public void close() {
        pacer.close();
        eventLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
