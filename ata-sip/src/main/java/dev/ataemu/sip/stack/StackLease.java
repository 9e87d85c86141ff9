package dev.ataemu.sip.stack;

import javax.sip.ListeningPoint;
import javax.sip.SipProvider;
import javax.sip.SipStack;

/** An account's listening point on a stack it may share with others ({@link SharedStacks}). */
public final class StackLease implements AutoCloseable {

    private final SharedStacks.Pooled pooled;
    private final SipProvider provider;
    private final ListeningPoint listeningPoint;
    private boolean closed;

    StackLease(SharedStacks.Pooled pooled, SipProvider provider, ListeningPoint listeningPoint) {
        this.pooled = pooled;
        this.provider = provider;
        this.listeningPoint = listeningPoint;
    }

    SharedStacks.Pooled pooled() {
        return pooled;
    }

    public SipStack stack() {
        return pooled.stack;
    }

    public SipProvider provider() {
        return provider;
    }

    public ListeningPoint listeningPoint() {
        return listeningPoint;
    }

    /** {@code listener} hears every SIP message this listening point sends and receives (for the syslog). */
    public void onMessage(SipMessageLog.Listener listener) {
        SipMessageLog.listen(pooled.stack.getStackName(), listeningPoint.getIPAddress(), listeningPoint.getPort(), listener);
    }

    /** Closes the listening point at once, as a power cut would; the account's dialogs and transactions go with it. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            SharedStacks.release(this);
        }
    }
}
