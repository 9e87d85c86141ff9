package dev.ataemu.media.rtp;

import io.netty.channel.SelectStrategy;
import io.netty.util.IntSupplier;
import java.util.concurrent.locks.LockSupport;

/**
 * Lets a busy receiving loop gather packets for a moment instead of waking for each one. While the
 * last look found packets, the loop naps {@code napNanos} and then takes whatever is ready without
 * blocking; once a look finds nothing, it blocks in the poller as usual, so an idle loop sleeps.
 *
 * <p>A thousand streams deliver 50,000 datagrams a second, each in its own socket: woken per
 * datagram, the receiving thread and the kernel's wake-up of it cost more than the datagram. A nap
 * of a millisecond, well inside a jitter buffer's slack, takes them some fifty at a time.
 */
final class CoalescingSelectStrategy implements SelectStrategy {

    private final long napNanos;
    private boolean busy;

    CoalescingSelectStrategy(long napNanos) {
        this.napNanos = napNanos;
    }

    @Override
    public int calculateStrategy(IntSupplier selectSupplier, boolean hasTasks) throws Exception {
        if (!hasTasks && !busy) {
            busy = true;
            return SelectStrategy.SELECT;
        }
        if (!hasTasks) {
            LockSupport.parkNanos(napNanos);
        }
        int ready = selectSupplier.get();
        busy = ready > 0;
        return ready;
    }
}
