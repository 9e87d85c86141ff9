package dev.ataemu.sip.call;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transferring a call (RFC 3515 as the referrer, RFC 5589): a REFER in the call's dialog, and the
 * NOTIFYs of the implicit subscription whose {@code message/sipfrag} bodies tell how the far end's
 * call to the target goes. A REFER the far end refuses is reported as its own status.
 */
public final class Referring {

    private static final Logger LOG = LoggerFactory.getLogger(Referring.class);

    /** The progress of a transfer: 1xx while the target is being called, then one final status. */
    public interface Listener {
        void progress(int status);
    }

    private final Listener listener;
    private final ClientTransaction transaction;
    private boolean over;

    private Referring(Listener listener, ClientTransaction transaction) {
        this.listener = listener;
        this.transaction = transaction;
    }

    /** Sends the REFER; empty (after telling the listener 500) when it cannot be sent. */
    static Optional<Referring> send(ServerCall.Context context, Dialog dialog, String referTo, Listener listener) {
        try {
            Request refer = dialog.createRequest(Request.REFER);
            refer.addHeader(context.headers().createReferToHeader(context.addresses().createAddress(referTo)));
            refer.addHeader(context.headers().createHeader("Referred-By", dialog.getLocalParty().toString()));
            refer.addHeader(context.headers().createHeader("User-Agent", context.userAgent()));
            refer.addHeader(context.contact());
            ClientTransaction transaction = context.provider().getNewClientTransaction(refer);
            dialog.sendRequest(transaction);
            return Optional.of(new Referring(listener, transaction));
        } catch (Exception e) {
            LOG.warn("cannot send the REFER to {}: {}", referTo, e.getMessage());
            listener.progress(Response.SERVER_INTERNAL_ERROR);
            return Optional.empty();
        }
    }

    boolean owns(ClientTransaction answered) {
        return answered != null && answered == transaction;
    }

    /** The answer to the REFER: 202 waits for the NOTIFYs; a refusal is the transfer's outcome. */
    void answered(Response response) {
        int status = response.getStatusCode();
        if (status >= 300) {
            finish(status);
        }
    }

    /** The REFER was never answered. */
    void timedOut() {
        finish(Response.REQUEST_TIMEOUT);
    }

    /** A NOTIFY of the refer subscription: answered 200, its sipfrag's status passed on. */
    void notified(ServerCall.Context context, RequestEvent event) {
        Request notify = event.getRequest();
        try {
            javax.sip.ServerTransaction answering = event.getServerTransaction() != null ? event.getServerTransaction()
                    : context.provider().getNewServerTransaction(notify);
            answering.sendResponse(context.messages().createResponse(Response.OK, notify));
        } catch (Exception e) {
            LOG.warn("cannot answer the transfer's NOTIFY: {}", e.getMessage());
        }
        byte[] raw = notify.getRawContent();
        Optional<Integer> status = sipfragStatus(raw == null ? "" : new String(raw, StandardCharsets.UTF_8));
        javax.sip.header.SubscriptionStateHeader state = (javax.sip.header.SubscriptionStateHeader) notify.getHeader(
                javax.sip.header.SubscriptionStateHeader.NAME);
        boolean terminated = state != null && "terminated".equalsIgnoreCase(state.getState());
        if (status.isPresent() && status.get() >= 200) {
            finish(status.get());
        } else if (status.isPresent()) {
            if (!over) {
                listener.progress(status.get());
            }
        } else if (terminated) {
            // The subscription ended without telling how: the transfer's outcome is unknown.
            finish(Response.REQUEST_TIMEOUT);
        }
    }

    /** The status code of a sipfrag body's status line ({@code SIP/2.0 200 OK}), if it has one. */
    static Optional<Integer> sipfragStatus(String body) {
        String first = body.strip().lines().findFirst().orElse("");
        String[] parts = first.split("\\s+");
        if (parts.length >= 2 && parts[0].toUpperCase(java.util.Locale.ROOT).startsWith("SIP/")
                && parts[1].matches("[1-6][0-9][0-9]")) {
            return Optional.of(Integer.parseInt(parts[1]));
        }
        return Optional.empty();
    }

    private void finish(int status) {
        if (!over) {
            over = true;
            listener.progress(status);
        }
    }
}
