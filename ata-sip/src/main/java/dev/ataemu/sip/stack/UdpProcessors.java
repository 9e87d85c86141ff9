package dev.ataemu.sip.stack;

import java.lang.reflect.Field;
import java.util.Collection;
import javax.sip.ListeningPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * jain-sip's UDP listening point sets itself up on its own thread, after the call that opened it
 * has returned; closing it before that fails inside jain-sip and leaves its threads running. An
 * account that closes just after it opened (a device switched off as it boots) waits for that.
 */
final class UdpProcessors {

    private static final Logger LOG = LoggerFactory.getLogger(UdpProcessors.class);
    private static final Field CHANNELS = channels();
    private static final long WAIT_NS = 2_000_000_000L;

    private UdpProcessors() {
    }

    static void awaitSetUp(ListeningPoint point) {
        if (CHANNELS == null || !(point instanceof gov.nist.javax.sip.ListeningPointImpl open)
                || !(open.getMessageProcessor() instanceof gov.nist.javax.sip.stack.UDPMessageProcessor processor)) {
            return;
        }
        long deadline = System.nanoTime() + WAIT_NS;
        try {
            while (!(CHANNELS.get(processor) instanceof Collection<?> channels && !channels.isEmpty())
                    && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
        } catch (IllegalAccessException e) {
            LOG.debug("cannot tell whether a UDP listening point has started: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Field channels() {
        try {
            Field field = gov.nist.javax.sip.stack.UDPMessageProcessor.class.getDeclaredField("messageChannels");
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LoggerFactory.getLogger(UdpProcessors.class).debug("jain-sip's UDP processor has no channel list: {}", e.toString());
            return null;
        }
    }
}
