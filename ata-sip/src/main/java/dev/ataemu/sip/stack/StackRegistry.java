package dev.ataemu.sip.stack;

import java.lang.reflect.Field;
import java.util.Collection;
import java.util.Map;
import javax.sip.SipFactory;
import javax.sip.SipStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What jain-sip leaves behind when a stack stops, and the emulator cleans up. Every account start
 * makes a stack with a name of its own, so each reboot or account change used to leave two of
 * each behind for good:
 * <ul>
 * <li>the stack's event thread: jain-sip's stop marks it stopped but never wakes it from its
 * queue, so it waited forever (a thread per account per reboot, 2000 per mass reboot of 1000
 * devices). The thread is found as the stack is made, and interrupted once it has stopped;</li>
 * <li>the stack itself, kept by jain-sip's {@link SipFactory} by name and in a list, with no call
 * to drop one. The factory's other caches stay as they are: other devices' threads use them.</li>
 * </ul>
 */
final class StackRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(StackRegistry.class);
    private static final Field BY_NAME = field("sipStackByName");
    private static final Field LIST = field("sipStackList");
    private static final String EVENT_THREAD = "EventScannerThread";
    /** Stacks are made one at a time, so that the event thread that appears is the new stack's. */
    private static final Object MAKING = new Object();
    private static final Map<String, Thread> EVENT_THREADS = new java.util.concurrent.ConcurrentHashMap<>();

    private StackRegistry() {
    }

    interface Maker {
        SipStack make() throws javax.sip.PeerUnavailableException;
    }

    /** Makes a stack and notes its event thread (renamed after the stack). */
    static SipStack create(String name, Maker maker) throws javax.sip.PeerUnavailableException {
        synchronized (MAKING) {
            java.util.Set<Thread> before = eventThreads();
            SipStack stack = maker.make();
            for (Thread thread : eventThreads()) {
                if (!before.contains(thread)) {
                    thread.setName("sip-events-" + name);
                    EVENT_THREADS.put(name, thread);
                }
            }
            return stack;
        }
    }

    /** Ends the event thread of the stack {@code name}, which has stopped. */
    static void endEventThread(String name) {
        Thread thread = EVENT_THREADS.remove(name);
        if (thread != null) {
            thread.interrupt();
        }
    }

    private static java.util.Set<Thread> eventThreads() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] all = new Thread[root.activeCount() + 64];
        int count = root.enumerate(all, true);
        java.util.Set<Thread> found = new java.util.HashSet<>();
        for (int i = 0; i < count; i++) {
            if (EVENT_THREAD.equals(all[i].getName())) {
                found.add(all[i]);
            }
        }
        return found;
    }

    static void forget(SipStack stack) {
        if (BY_NAME == null || LIST == null) {
            return;
        }
        SipFactory factory = SipFactory.getInstance();
        // createSipStack holds the factory's own lock while it reads and adds to both collections.
        synchronized (factory) {
            try {
                ((Map<?, ?>) BY_NAME.get(factory)).values().removeIf(kept -> kept == stack);
                ((Collection<?>) LIST.get(factory)).removeIf(kept -> kept == stack);
            } catch (IllegalAccessException | ClassCastException e) {
                LOG.debug("cannot drop the SIP stack {} from jain-sip's factory: {}", stack.getStackName(), e.toString());
            }
        }
    }

    private static Field field(String name) {
        try {
            Field field = SipFactory.class.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LoggerFactory.getLogger(StackRegistry.class).debug("jain-sip's factory has no field {}: {}", name, e.toString());
            return null;
        }
    }
}
