package dev.ataemu.sip.call;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.header.ContentTypeHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A re-INVITE inside an established call (hold, resume, a new address, a session refresh): the
 * firmware answers its offer, or, when it carries none, makes one; a 200 OK carries that SDP, and an
 * offer the firmware cannot take is refused with 488, the call going on as it was.
 */
public final class ReInvites {

    private static final Logger LOG = LoggerFactory.getLogger(ReInvites.class);

    /** What the firmware makes of a re-INVITE's offer ("" when it carries none): our SDP, or empty to refuse. */
    public interface Handler {
        Optional<String> reoffered(String offer);
    }

    private ReInvites() {
    }

    /** Answers the re-INVITE of {@code event} through {@code handler}. */
    public static void answer(ServerCall.Context context, RequestEvent event, Handler handler) {
        answer(context, event, handler, response -> { });
    }

    /**
     * Answers a re-INVITE or an UPDATE; {@code decorate} adds to the 200 (the session timer's
     * headers). An UPDATE without an offer is a bare session refresh: its 200 carries no SDP.
     */
    public static void answer(ServerCall.Context context, RequestEvent event, Handler handler,
            java.util.function.Consumer<Response> decorate) {
        Request request = event.getRequest();
        byte[] raw = request.getRawContent();
        String offer = raw == null ? "" : new String(raw, StandardCharsets.UTF_8);
        boolean bareUpdate = Request.UPDATE.equals(request.getMethod()) && offer.isBlank();
        Optional<String> sdp;
        try {
            sdp = bareUpdate ? Optional.of("") : handler.reoffered(offer);
        } catch (RuntimeException e) {
            LOG.warn("cannot handle a re-INVITE's offer: {}", e.getMessage());
            sdp = Optional.empty();
        }
        try {
            ServerTransaction transaction = event.getServerTransaction() != null ? event.getServerTransaction()
                    : context.provider().getNewServerTransaction(request);
            if (sdp.isEmpty()) {
                transaction.sendResponse(context.messages().createResponse(Response.NOT_ACCEPTABLE_HERE, request));
                return;
            }
            Response ok = context.messages().createResponse(Response.OK, request);
            ok.addHeader(context.contact());
            ok.addHeader(context.headers().createHeader("User-Agent", context.userAgent()));
            DialogRequests.addAllow(context, ok);
            decorate.accept(ok);
            if (!sdp.get().isEmpty()) {
                ContentTypeHeader type = context.headers().createContentTypeHeader("application", "sdp");
                ok.setContent(sdp.get(), type);
            }
            transaction.sendResponse(ok);
        } catch (Exception e) {
            LOG.warn("cannot answer a re-INVITE: {}", e.getMessage());
        }
    }
}
