package dev.ataemu.sip.call;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the firmware starts inside an answered call, the same for both sides: our own re-INVITEs
 * (hold, resume), one at a time with the latest waiting its turn, and transfers (REFER).
 */
final class DialogActions {

    private static final Logger LOG = LoggerFactory.getLogger(DialogActions.class);

    private final ServerCall.Context context;
    private final Supplier<Dialog> dialog;
    private ClientTransaction reoffering;
    private EstablishedCall.ReofferListener reofferListener;
    private String nextOffer;
    private EstablishedCall.ReofferListener nextListener;
    private Referring referring;

    DialogActions(ServerCall.Context context, Supplier<Dialog> dialog) {
        this.context = context;
        this.dialog = dialog;
    }

    void reoffer(String sdp, EstablishedCall.ReofferListener listener) {
        if (reoffering != null) {
            if (nextListener != null) {
                nextListener.failed(Response.REQUEST_PENDING);
            }
            nextOffer = sdp;
            nextListener = listener;
            return;
        }
        try {
            Request invite = dialog.get().createRequest(Request.INVITE);
            invite.addHeader(context.contact());
            invite.addHeader(context.headers().createHeader("User-Agent", context.userAgent()));
            DialogRequests.addAllow(context, invite);
            invite.setContent(sdp, context.headers().createContentTypeHeader("application", "sdp"));
            ClientTransaction transaction = context.provider().getNewClientTransaction(invite);
            dialog.get().sendRequest(transaction);
            reoffering = transaction;
            reofferListener = listener;
        } catch (Exception e) {
            LOG.warn("cannot send the re-INVITE: {}", e.getMessage());
            listener.failed(Response.SERVER_INTERNAL_ERROR);
        }
    }

    void refer(String referTo, Referring.Listener listener) {
        referring = Referring.send(context, dialog.get(), referTo, listener).orElse(null);
    }

    /** A response to one of our requests in this dialog; false when it is not ours. */
    boolean response(ResponseEvent event) {
        ClientTransaction transaction = event.getClientTransaction();
        if (transaction == null) {
            return false;
        }
        if (referring != null && referring.owns(transaction)) {
            referring.answered(event.getResponse());
            return true;
        }
        if (transaction != reoffering) {
            return false;
        }
        Response response = event.getResponse();
        int status = response.getStatusCode();
        if (status < 200) {
            return true;
        }
        EstablishedCall.ReofferListener listener = reofferListener;
        reoffering = null;
        reofferListener = null;
        if (status < 300) {
            DialogRequests.acknowledge(dialog.get(), response);
            byte[] body = response.getRawContent();
            listener.answered(body == null ? "" : new String(body, StandardCharsets.UTF_8));
        } else {
            listener.failed(status);
        }
        sendNext();
        return true;
    }

    /** One of our requests in this dialog went unanswered. */
    void timeout(ClientTransaction transaction) {
        if (referring != null && referring.owns(transaction)) {
            referring.timedOut();
        } else if (transaction != null && transaction == reoffering) {
            EstablishedCall.ReofferListener listener = reofferListener;
            reoffering = null;
            reofferListener = null;
            listener.failed(Response.REQUEST_TIMEOUT);
            sendNext();
        }
    }

    private void sendNext() {
        if (nextListener != null) {
            String sdp = nextOffer;
            EstablishedCall.ReofferListener listener = nextListener;
            nextOffer = null;
            nextListener = null;
            reoffer(sdp, listener);
        }
    }

    /** A NOTIFY in this dialog: the progress of our transfer, or 481 when none is under way. */
    void notified(RequestEvent event) throws Exception {
        if (referring != null) {
            referring.notified(context, event);
            return;
        }
        javax.sip.ServerTransaction transaction = event.getServerTransaction() != null ? event.getServerTransaction()
                : context.provider().getNewServerTransaction(event.getRequest());
        transaction.sendResponse(context.messages().createResponse(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST,
                event.getRequest()));
    }

    /** {@code call-id;to-tag=<theirs>;from-tag=<ours>}: RFC 3891 names tags as the receiver of Replaces sees them. */
    String replaces() {
        Dialog current = dialog.get();
        return current.getCallId().getCallId() + ";to-tag=" + current.getRemoteTag() + ";from-tag=" + current.getLocalTag();
    }

    String remoteUri() {
        return dialog.get().getRemoteParty().getURI().toString();
    }

    String remoteTarget() {
        Dialog current = dialog.get();
        return current.getRemoteTarget() != null ? current.getRemoteTarget().getURI().toString() : remoteUri();
    }
}
