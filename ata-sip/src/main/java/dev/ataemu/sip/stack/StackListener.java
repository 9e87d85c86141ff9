package dev.ataemu.sip.stack;

import java.util.EventObject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;

/**
 * The one listener jain-sip allows a stack: hands each event to the account whose provider it came
 * through. Events of an account that has gone (its device switched off) are dropped.
 */
final class StackListener implements SipListener {

    private final Map<SipProvider, SipListener> accounts = new ConcurrentHashMap<>();

    void add(SipProvider provider, SipListener account) {
        accounts.put(provider, account);
    }

    void remove(SipProvider provider) {
        accounts.remove(provider);
    }

    private <E extends EventObject> void deliver(E event, BiConsumer<SipListener, E> handling) {
        SipListener account = event.getSource() instanceof SipProvider provider ? accounts.get(provider) : null;
        if (account != null) {
            handling.accept(account, event);
        }
    }

    @Override
    public void processRequest(RequestEvent event) {
        deliver(event, SipListener::processRequest);
    }

    @Override
    public void processResponse(ResponseEvent event) {
        deliver(event, SipListener::processResponse);
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        deliver(event, SipListener::processTimeout);
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        deliver(event, SipListener::processIOException);
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        deliver(event, SipListener::processTransactionTerminated);
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        deliver(event, SipListener::processDialogTerminated);
    }
}
