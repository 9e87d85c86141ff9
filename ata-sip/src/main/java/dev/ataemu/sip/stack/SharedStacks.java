package dev.ataemu.sip.stack;

import gov.nist.core.net.AddressResolver;
import java.net.InetAddress;
import java.util.Optional;
import java.util.TooManyListenersException;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.ListeningPoint;
import javax.sip.SipException;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;

/**
 * Where accounts get their SIP listening points. Every UDP or TCP account of the process shares one
 * jain-sip stack: its event thread, its tables and its timers serve the whole fleet, and a reboot
 * only closes and opens the device's listening points. A TLS account has a stack of its own, since
 * jain-sip takes the TLS identity and the certificate check for a whole stack. A stack whose last
 * account has gone is stopped, and the next account starts a new one.
 */
public final class SharedStacks {

    private static final Object LOCK = new Object();
    private static final AtomicLong NAMES = new AtomicLong();
    private static final long REBIND_WAIT_NS = 200_000_000L;
    private static Pooled plain;

    private SharedStacks() {
    }

    /** A stack and the accounts on it. */
    static final class Pooled {
        final SipStack stack;
        final StackListener listener = new StackListener();
        int accounts;

        Pooled(SipStack stack) {
            this.stack = stack;
        }

        AccountRouter router() {
            return (AccountRouter) ((gov.nist.javax.sip.SipStackImpl) stack).getRouter();
        }
    }

    /**
     * Opens {@code port} on {@code address} for an account: the events that come through it go to
     * {@code account}, and the requests it sends have their next hop looked up by {@code hops}.
     *
     * @throws SipException when the port cannot be opened (taken, or an address not ours)
     */
    public static StackLease lease(String name, InetAddress address, int port, String transport, Optional<TlsIdentity> tls,
            boolean verifyServer, AddressResolver hops, SipListener account) throws SipException {
        synchronized (LOCK) {
            Pooled pooled = tls.isPresent()
                    ? new Pooled(SipStacks.create(name + "-" + NAMES.incrementAndGet(), tls, verifyServer))
                    : plain();
            ListeningPoint point = null;
            SipProvider provider = null;
            try {
                refuseTaken(pooled.stack, address, port, transport);
                point = open(pooled.stack, address, port, transport);
                provider = pooled.stack.createSipProvider(point);
                pooled.listener.add(provider, account);
                provider.addSipListener(pooled.listener);
                pooled.router().register(point.getIPAddress(), point.getPort(), hops);
                pooled.stack.start();
                pooled.accounts++;
                return new StackLease(pooled, provider, point);
            } catch (SipException | javax.sip.InvalidArgumentException | TooManyListenersException | RuntimeException e) {
                undo(pooled, point, provider);
                throw new SipException("cannot open " + transport + " " + address.getHostAddress() + ":" + port
                        + " (" + e.getMessage() + ")", e);
            }
        }
    }

    /**
     * Opens the port, waiting a moment while it is still bound: a listening point that was just closed
     * (the same device switched off and on) lets go of its socket only once its receiving thread has
     * woken up.
     */
    private static ListeningPoint open(SipStack stack, InetAddress address, int port, String transport)
            throws javax.sip.InvalidArgumentException, javax.sip.TransportNotSupportedException {
        long deadline = System.nanoTime() + REBIND_WAIT_NS;
        while (true) {
            try {
                return stack.createListeningPoint(address.getHostAddress(), port, transport.toLowerCase());
            } catch (javax.sip.InvalidArgumentException e) {
                if (!portStillBound(e) || System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static boolean portStillBound(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.BindException) {
                return true;
            }
        }
        return false;
    }

    /** jain-sip hands back the listening point already open on an address and port instead of failing. */
    private static void refuseTaken(SipStack stack, InetAddress address, int port, String transport) throws SipException {
        java.util.Iterator<?> open = stack.getListeningPoints();
        while (open.hasNext()) {
            ListeningPoint point = (ListeningPoint) open.next();
            if (point.getPort() == port && point.getTransport().equalsIgnoreCase(transport)
                    && point.getIPAddress().equals(address.getHostAddress())) {
                throw new SipException("the port is in use by another account");
            }
        }
    }

    private static Pooled plain() {
        if (plain == null) {
            plain = new Pooled(SipStacks.create("sip-" + NAMES.incrementAndGet()));
        }
        return plain;
    }

    private static void undo(Pooled pooled, ListeningPoint point, SipProvider provider) {
        if (pooled.accounts > 0) {
            try {
                if (provider != null) {
                    pooled.listener.remove(provider);
                    provider.removeSipListener(pooled.listener);
                    pooled.stack.deleteSipProvider(provider);
                }
                if (point != null) {
                    pooled.router().forget(point.getIPAddress(), point.getPort());
                    UdpProcessors.awaitSetUp(point);
                    pooled.stack.deleteListeningPoint(point);
                }
            } catch (javax.sip.ObjectInUseException | RuntimeException e) {
                // What was opened is closed as far as jain-sip lets it; the other accounts go on.
            }
            return;
        }
        if (plain == pooled) {
            plain = null;
        }
        SipStacks.stop(pooled.stack);
    }

    /** Closes an account's listening point; the stack stops with its last account. */
    static void release(StackLease lease) {
        Pooled pooled = lease.pooled();
        boolean last;
        synchronized (LOCK) {
            ListeningPoint point = lease.listeningPoint();
            SipProvider provider = lease.provider();
            pooled.router().forget(point.getIPAddress(), point.getPort());
            SipMessageLog.forget(pooled.stack.getStackName(), point.getIPAddress(), point.getPort());
            pooled.listener.remove(provider);
            provider.removeSipListener(pooled.listener);
            StackTables.forget(pooled.stack, provider);
            last = --pooled.accounts == 0;
            if (last) {
                if (plain == pooled) {
                    plain = null;
                }
            } else {
                try {
                    UdpProcessors.awaitSetUp(point);
                    pooled.stack.deleteSipProvider(provider);
                    pooled.stack.deleteListeningPoint(point);
                } catch (javax.sip.ObjectInUseException e) {
                    throw new IllegalStateException("cannot close " + point.getIPAddress() + ":" + point.getPort(), e);
                }
            }
        }
        if (last) {
            SipStacks.stop(pooled.stack);
        }
    }
}
