package dev.ataemu.sip.stack;

import java.util.Map;
import javax.sip.SipStack;

/**
 * What jain-sip leaves behind when a stack stops, and the emulator cleans up. Every new stack has
 * a name of its own (the shared stack after its last account went, each TLS account's stack), and
 * each stop used to leave its event thread behind for good: jain-sip's stop marks it stopped but
 * never wakes it from its queue, so it waited forever (when every account had a stack, a thread
 * per account per reboot). The thread is found as the stack is made, and interrupted once the
 * stack has stopped. The stacks are made directly ({@link WireOnlyStack}), not by jain-sip's {@code SipFactory}, which
 * would keep every stack it made, by name and in a list, with no call to drop one.
 */
final class StackRegistry {

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
}
