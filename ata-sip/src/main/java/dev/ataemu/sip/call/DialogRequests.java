package dev.ataemu.sip.call;

import javax.sip.Dialog;
import javax.sip.header.ContentTypeHeader;
import javax.sip.message.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Requests sent inside an established call's dialog, whichever side placed it. */
final class DialogRequests {

    private static final Logger LOG = LoggerFactory.getLogger(DialogRequests.class);

    private DialogRequests() {
    }

    /** The methods the device takes, for the Allow header of its INVITEs and answers. */
    static final java.util.List<String> ALLOWED = java.util.List.of(Request.INVITE, Request.ACK, Request.BYE,
            Request.CANCEL, Request.INFO, Request.NOTIFY, Request.OPTIONS, Request.PRACK, Request.REFER, Request.UPDATE);

    /** Adds {@code Allow: INVITE, ACK, ...} (jain-sip takes one method per header object and joins them). */
    static void addAllow(ServerCall.Context context, javax.sip.message.Message message) throws java.text.ParseException {
        for (String method : ALLOWED) {
            message.addHeader(context.headers().createAllowHeader(method));
        }
    }

    /**
     * A session refresh (RFC 4028): UPDATE without a body when {@code update}, else a re-INVITE
     * repeating our last SDP; its answer comes back to the call's response handling.
     */
    static javax.sip.ClientTransaction refresh(ServerCall.Context context, Dialog dialog, String sdp, boolean update,
            SessionTimers.Agreement agreement) {
        try {
            Request refresh = dialog.createRequest(update ? Request.UPDATE : Request.INVITE);
            refresh.addHeader(context.headers().createHeader("User-Agent", context.userAgent()));
            refresh.addHeader(context.headers().createSupportedHeader("timer"));
            refresh.addHeader(context.headers().createHeader(SessionTimers.SESSION_EXPIRES,
                    agreement.intervalSeconds() + ";refresher=" + agreement.refresher().name().toLowerCase()));
            if (!update) {
                refresh.addHeader(context.contact());
                refresh.setContent(sdp, context.headers().createContentTypeHeader("application", "sdp"));
            }
            javax.sip.ClientTransaction transaction = context.provider().getNewClientTransaction(refresh);
            dialog.sendRequest(transaction);
            return transaction;
        } catch (Exception e) {
            LOG.warn("cannot refresh the session: {}", e.getMessage());
            return null;
        }
    }

    /**
     * The answer to our session refresh: a 2xx (ACKed when the refresh was a re-INVITE) restarts the
     * timer; 408 or 481 means the far end lost the session, and {@code expired} runs.
     *
     * @return whether the answer was final, so the refresh is over
     */
    static boolean refreshAnswered(Dialog dialog, javax.sip.message.Response response, SessionTimer timer,
            Runnable expired) {
        int status = response.getStatusCode();
        if (status < 200) {
            return false;
        }
        if (status < 300) {
            String method = ((javax.sip.header.CSeqHeader) response.getHeader(javax.sip.header.CSeqHeader.NAME)).getMethod();
            if (Request.INVITE.equals(method)) {
                acknowledge(dialog, response);
            }
            timer.refreshed();
        } else if (status == javax.sip.message.Response.REQUEST_TIMEOUT
                || status == javax.sip.message.Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST) {
            expired.run();
        }
        return true;
    }

    /** ACKs a 2xx to our re-INVITE. */
    static void acknowledge(Dialog dialog, javax.sip.message.Response ok) {
        try {
            long cseq = ((javax.sip.header.CSeqHeader) ok.getHeader(javax.sip.header.CSeqHeader.NAME)).getSeqNumber();
            dialog.sendAck(dialog.createAck(cseq));
        } catch (Exception e) {
            LOG.warn("cannot ACK the refresh: {}", e.getMessage());
        }
    }

    /** A key press as SIP INFO ({@code application/dtmf-relay}). */
    static void sendKey(ServerCall.Context context, Dialog dialog, char key, int durationMs) {
        try {
            Request info = dialog.createRequest(Request.INFO);
            info.addHeader(context.headers().createHeader("User-Agent", context.userAgent()));
            ContentTypeHeader type = context.headers().createContentTypeHeader(DtmfRelay.TYPE, DtmfRelay.RELAY_SUBTYPE);
            info.setContent(DtmfRelay.body(key, durationMs), type);
            dialog.sendRequest(context.provider().getNewClientTransaction(info));
        } catch (Exception e) {
            LOG.warn("cannot send the key {} as SIP INFO: {}", key, e.getMessage());
        }
    }
}
