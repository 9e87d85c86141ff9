package dev.ataemu.sip.ua;

import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Requests the account does not handle yet get a proper SIP answer rather than silence. */
final class Requests {

    private static final Logger LOG = LoggerFactory.getLogger(Requests.class);

    private Requests() {
    }

    static void answerUnsupported(UserAgent agent, RequestEvent event) {
        Request request = event.getRequest();
        if (Request.ACK.equals(request.getMethod())) {
            return;
        }
        int status = Request.OPTIONS.equals(request.getMethod()) ? Response.OK : Response.NOT_IMPLEMENTED;
        try {
            ServerTransaction transaction = event.getServerTransaction() != null ? event.getServerTransaction()
                    : agent.provider().getNewServerTransaction(request);
            transaction.sendResponse(agent.messages().createResponse(status, request));
        } catch (Exception e) {
            LOG.debug("could not answer {} ({})", request.getMethod(), e.getMessage());
        }
    }

    /**
     * Whether the header section holds a control character other than the line breaks and tabs
     * SIP allows (RFC 3261 section 25.1: header text excludes CTLs); the parser lets some pass.
     * Inside a quoted string a backslash may escape any of them but CR and LF (quoted-pair).
     */
    static boolean hasControlCharacters(Request request) {
        String text = request.toString();
        int end = text.indexOf("\r\n\r\n");
        boolean quoted = false;
        for (int i = 0, stop = end < 0 ? text.length() : end; i < stop; i++) {
            char c = text.charAt(i);
            if (quoted && c == '\\' && i + 1 < stop && text.charAt(i + 1) != '\r' && text.charAt(i + 1) != '\n') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '\n') {
                quoted = false;
            } else if (c < 0x20 && c != '\r' && c != '\t' || c == 0x7f) {
                return true;
            }
        }
        return false;
    }
}
