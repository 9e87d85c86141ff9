package dev.ataemu.sip.call;

import java.util.Optional;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.ReferToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Being transferred (RFC 3515): a REFER inside a call is accepted (202) when the firmware takes it,
 * and the progress of the call to the Refer-To target goes back in NOTIFYs with
 * {@code message/sipfrag} bodies, the last one ending the implicit subscription.
 */
public final class Referrals {

    private static final Logger LOG = LoggerFactory.getLogger(Referrals.class);

    /** What the firmware does with a REFER: place a call to {@code target}, replacing {@code replaces} when given. */
    public interface Handler {
        void referred(String target, Optional<String> replaces, Report report);
    }

    /** Tells the transferor how the new call goes: 100/180 on the way, then its final status. */
    public interface Report {
        void progress(int status, String reason);
    }

    private Referrals() {
    }

    /** Answers the REFER of {@code event}; a handler of null declines it (603). */
    public static void accept(ServerCall.Context context, Dialog dialog, RequestEvent event, Handler handler) {
        Request request = event.getRequest();
        try {
            ServerTransaction transaction = event.getServerTransaction() != null ? event.getServerTransaction()
                    : context.provider().getNewServerTransaction(request);
            ReferToHeader referTo = (ReferToHeader) request.getHeader(ReferToHeader.NAME);
            if (referTo == null || !(referTo.getAddress().getURI() instanceof SipURI target)) {
                transaction.sendResponse(context.messages().createResponse(Response.BAD_REQUEST, request));
                return;
            }
            if (handler == null) {
                transaction.sendResponse(context.messages().createResponse(Response.DECLINE, request));
                return;
            }
            transaction.sendResponse(context.messages().createResponse(Response.ACCEPTED, request));
            SipURI clean = (SipURI) target.clone();
            Optional<String> replaces = Optional.ofNullable(clean.getHeader("Replaces"));
            ((gov.nist.javax.sip.address.SipUri) clean).removeHeaders();
            Report report = (status, reason) -> notifyProgress(context, dialog, status, reason);
            report.progress(Response.TRYING, "Trying");
            handler.referred(clean.toString(), replaces.map(Referrals::unescape), report);
        } catch (Exception e) {
            LOG.warn("cannot take the REFER: {}", e.getMessage());
        }
    }

    private static void notifyProgress(ServerCall.Context context, Dialog dialog, int status, String reason) {
        try {
            Request notify = dialog.createRequest(Request.NOTIFY);
            notify.addHeader(context.headers().createEventHeader("refer"));
            notify.addHeader(context.headers().createSubscriptionStateHeader(status >= 200
                    ? "terminated;reason=noresource" : "active;expires=60"));
            notify.addHeader(context.headers().createHeader("User-Agent", context.userAgent()));
            notify.addHeader(context.contact());
            ContentTypeHeader type = context.headers().createContentTypeHeader("message", "sipfrag");
            notify.setContent("SIP/2.0 " + status + " " + reason + "\r\n", type);
            dialog.sendRequest(context.provider().getNewClientTransaction(notify));
        } catch (Exception e) {
            LOG.warn("cannot NOTIFY the transfer's progress ({}): {}", status, e.getMessage());
        }
    }

    private static String unescape(String header) {
        return java.net.URLDecoder.decode(header, java.nio.charset.StandardCharsets.UTF_8);
    }
}
