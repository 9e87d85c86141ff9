package dev.ataemu.sip.ua;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.sip.header.AcceptHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.Header;
import javax.sip.header.HeaderFactory;
import javax.sip.header.RequireHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * What a user agent server checks of a request before it acts on it (RFC 3261 section 8.2): the
 * sender's SIP version, the Request-URI's scheme, the extensions the request requires, and of a new
 * INVITE the type of its body and of the answer it accepts. ACK is never answered, and neither ACK
 * nor CANCEL is refused for what it requires.
 */
final class RequestChecks {

    /** The option tags the account implements: reliable provisional responses, session timers, Replaces. */
    private static final Set<String> SUPPORTED = Set.of("100rel", "timer", "replaces");
    private static final Set<String> SCHEMES = Set.of("sip", "sips", "tel");

    /** How to refuse a request: the status, and a header that tells the sender why. */
    record Refusal(int status, Optional<Header> header) {
    }

    private RequestChecks() {
    }

    static Optional<Refusal> refusal(Request request, HeaderFactory headers) throws ParseException {
        String method = request.getMethod();
        if (Request.ACK.equals(method)) {
            return Optional.empty();
        }
        // jain-sip reads the request line's version as 2.0 whatever it says; the sender's Via keeps it.
        if (request.getHeader(ViaHeader.NAME) instanceof ViaHeader via
                && !"SIP/2.0".equalsIgnoreCase(via.getProtocol())) {
            return Optional.of(new Refusal(Response.VERSION_NOT_SUPPORTED, Optional.empty()));
        }
        String scheme = request.getRequestURI().getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            return Optional.of(new Refusal(Response.UNSUPPORTED_URI_SCHEME, Optional.empty()));
        }
        List<String> unsupported = unsupported(request);
        if (!unsupported.isEmpty() && !Request.CANCEL.equals(method)) {
            return Optional.of(new Refusal(Response.BAD_EXTENSION,
                    Optional.of(headers.createUnsupportedHeader(String.join(", ", unsupported)))));
        }
        return Optional.empty();
    }

    /**
     * What a new INVITE's body and Accept ask of the account, which speaks SDP only (RFC 3261
     * section 8.2.3): a body of another type is refused with 415 and an Accept that names SDP; an
     * Accept that leaves no room for SDP in the answer, with 406.
     */
    static Optional<Refusal> sessionRefusal(Request invite, HeaderFactory headers) throws ParseException {
        byte[] body = invite.getRawContent();
        if (body != null && body.length > 0
                && invite.getHeader(ContentTypeHeader.NAME) instanceof ContentTypeHeader type
                && !isSdp(type.getContentType(), type.getContentSubType())) {
            return Optional.of(new Refusal(Response.UNSUPPORTED_MEDIA_TYPE,
                    Optional.of(headers.createAcceptHeader("application", "sdp"))));
        }
        ListIterator<?> accepts = invite.getHeaders(AcceptHeader.NAME);
        boolean named = false;
        while (accepts.hasNext()) {
            AcceptHeader accept = (AcceptHeader) accepts.next();
            if (accept.getContentType() == null || accept.getContentType().isBlank()) {
                continue;
            }
            named = true;
            if (isSdp(accept.getContentType(), accept.getContentSubType())) {
                return Optional.empty();
            }
        }
        return named ? Optional.of(new Refusal(Response.NOT_ACCEPTABLE, Optional.empty())) : Optional.empty();
    }

    private static boolean isSdp(String type, String subType) {
        return ("application".equalsIgnoreCase(type) || "*".equals(type))
                && ("sdp".equalsIgnoreCase(subType) || "*".equals(subType));
    }

    /** The option tags of the request's Require headers that the account does not implement. */
    private static List<String> unsupported(Request request) {
        List<String> unknown = new ArrayList<>();
        ListIterator<?> requires = request.getHeaders(RequireHeader.NAME);
        while (requires.hasNext()) {
            String option = ((RequireHeader) requires.next()).getOptionTag().strip();
            if (!option.isEmpty() && !SUPPORTED.contains(option.toLowerCase(Locale.ROOT))) {
                unknown.add(option);
            }
        }
        return unknown;
    }
}
