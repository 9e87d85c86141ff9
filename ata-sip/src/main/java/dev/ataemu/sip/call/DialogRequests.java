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
