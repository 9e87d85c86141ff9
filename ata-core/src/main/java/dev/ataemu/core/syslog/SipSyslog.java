package dev.ataemu.core.syslog;

import dev.ataemu.core.config.ParameterStore;
import dev.ataemu.sip.stack.SipMessageLog;
import javax.sip.header.CSeqHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The SIP messages in the syslog, and the codec each call settles on (LOG-12): each one whole at DEBUG, or with "Send SIP Log" (P1387) at any
 * level (LOG-08); otherwise a one-line summary at INFO (LOG-09), such as {@code Sent REGISTER
 * sip:pbx.example.net to 10.0.0.5:5060} or {@code Received 200 OK (REGISTER) from 10.0.0.5:5060}.
 */
public final class SipSyslog implements SipMessageLog.Listener {

    private static final int SEND_SIP_LOG = 1387;

    private final Syslog syslog;
    private final ParameterStore store;

    public SipSyslog(Syslog syslog, ParameterStore store) {
        this.syslog = syslog;
        this.store = store;
    }

    @Override
    public void message(Message message, boolean sent, String peer) {
        codec(message);
        boolean whole = syslog.sends(Severity.DEBUG)
                || store.getIntOr(SEND_SIP_LOG, 0) == 1 && syslog.sends(Severity.ERROR);
        if (whole) {
            // At the level's own severity: the whole message is asked for, not a warning.
            Severity at = java.util.Arrays.stream(Severity.values()).filter(syslog::sends).findFirst()
                    .orElse(Severity.ERROR);
            syslog.send(at, (sent ? "Sent to " : "Received from ") + peer + ": " + message);
        } else if (syslog.sends(Severity.INFO)) {
            syslog.info((sent ? "Sent " : "Received ") + summary(message) + (sent ? " to " : " from ") + peer);
        }
    }

    /** A 2xx to an INVITE carries the answer: its codec is the call's (LOG-12). */
    private void codec(Message message) {
        if (!(message instanceof Response response) || response.getStatusCode() / 100 != 2
                || message.getRawContent() == null || !syslog.sends(Severity.INFO)) {
            return;
        }
        CSeqHeader cseq = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
        if (cseq != null && Request.INVITE.equals(cseq.getMethod())) {
            AnsweredCodec.of(new String(message.getRawContent(), java.nio.charset.StandardCharsets.UTF_8))
                    .ifPresent(codec -> syslog.info("Codec negotiated: " + codec));
        }
    }

    static String summary(Message message) {
        if (message instanceof Request request) {
            return request.getMethod() + " " + request.getRequestURI();
        }
        Response response = (Response) message;
        CSeqHeader cseq = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
        return response.getStatusCode() + " " + response.getReasonPhrase() + (cseq != null ? " (" + cseq.getMethod() + ")" : "");
    }
}
